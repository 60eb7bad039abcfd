import { IsEmail, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class PutUserDto {
  @IsOptional()
  @IsEmail()
  email?: string;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  username?: string;

  @IsOptional()
  @Matches(/^\+[1-9]\d{1,14}$/, { message: 'phone must be E.164, e.g. +14155550100' })
  phone?: string;

  /** Per-channel addresses, e.g. {"slack": "U024BE7LH"}. */
  @IsOptional()
  @IsObject()
  addresses?: Record<string, string>;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string;
}
