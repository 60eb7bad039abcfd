import {
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  MinLength,
} from 'class-validator';

export class WebhookConfigDto {
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  url: string;

  @IsOptional()
  @IsIn(['POST', 'PUT'])
  method?: 'POST' | 'PUT';

  @IsOptional()
  @IsObject()
  headers?: Record<string, string>;

  /** HMAC-SHA256 key for the X-Herald-Signature header. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  secret?: string;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  username?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;

  @IsOptional()
  @IsString()
  @MaxLength(4096)
  bearerToken?: string;

  @IsOptional()
  @IsBoolean()
  tlsSkipVerify?: boolean;
}
