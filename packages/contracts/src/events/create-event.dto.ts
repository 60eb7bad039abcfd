import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CHANNEL_NAMES } from '../channels/channel-name.enum.js';

const RESOURCE_PART = /^[A-Za-z0-9_.:@-]{1,128}$/;

export class ResourceRefDto {
  @Matches(RESOURCE_PART, { message: 'kind must be 1-128 of A-Z a-z 0-9 _ . : @ -' })
  kind: string;

  @Matches(RESOURCE_PART, { message: 'id must be 1-128 of A-Z a-z 0-9 _ . : @ -' })
  id: string;
}

export class EventSourceDto extends ResourceRefDto {
  /** The chain above the source, nearest first, created on the fly. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(32)
  @ValidateNested({ each: true })
  @Type(() => ResourceRefDto)
  ancestors?: ResourceRefDto[];
}

/** A recipient names a registered user, or gives an email address directly: at least one. */
export class RecipientDto {
  @ValidateIf((r: RecipientDto) => r.email === undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  userId?: string;

  @ValidateIf((r: RecipientDto) => r.userId === undefined)
  @IsEmail()
  email?: string;
}

export class ActionDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  label: string;

  @IsUrl({ require_tld: false, require_protocol: true })
  url: string;
}

export class CreateEventDto {
  @Matches(/^[a-z0-9][a-z0-9_.-]{0,127}$/i, {
    message: 'type must be 1-128 characters of letters, digits, _ . - (e.g. job.failed)',
  })
  type: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  idempotencyKey?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => EventSourceDto)
  source?: EventSourceDto;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  trigger?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => RecipientDto)
  recipients?: RecipientDto[];

  @IsOptional()
  @IsObject()
  data?: Record<string, unknown>;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ActionDto)
  actions?: ActionDto[];

  @IsOptional()
  @IsArray()
  @IsIn(CHANNEL_NAMES, { each: true })
  channels?: string[];
}
