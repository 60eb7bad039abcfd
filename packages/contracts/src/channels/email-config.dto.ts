import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export enum SmtpSecurity {
  None = 'none',
  StartTls = 'starttls',
  Tls = 'tls',
}

/** SMTP notifier config. `to` is used when the notifier itself is the target (attached to a resource). */
export class EmailConfigDto {
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  host: string;

  @IsInt()
  @Min(1)
  @Max(65535)
  port: number;

  @IsIn(Object.values(SmtpSecurity))
  security: SmtpSecurity;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  username?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;

  @IsString()
  @MinLength(3)
  @MaxLength(320)
  from: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsEmail({}, { each: true })
  to?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(255)
  helo?: string;

  @IsOptional()
  @IsBoolean()
  tlsSkipVerify?: boolean;
}
