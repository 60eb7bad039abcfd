import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MAX_MAX_ATTEMPTS, MIN_MAX_ATTEMPTS, NAME_PATTERN } from './create-notifier.dto.js';
import { NotifierMessagesDto } from './notifier-messages.dto.js';

const isGiven = (_: object, value: unknown) => value !== undefined;

/**
 * `PATCH /v1/notifiers/:name`: every field optional. `null` clears description, fallback,
 * messages and maxAttempts; `config` and `messages` are merged key by key over what is stored (`null` removes a key).
 */
export class UpdateNotifierDto {
  /** Taken only so that a different value can be refused by name: a notifier's name never changes. */
  @IsOptional()
  @IsString()
  name?: string;

  /** Likewise: the channel of a notifier never changes (its config and deliveries depend on it). */
  @IsOptional()
  @IsString()
  type?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;

  @ValidateIf(isGiven)
  @IsBoolean()
  default?: boolean;

  @IsOptional()
  @Matches(NAME_PATTERN)
  fallback?: string | null;

  /** Merged over the stored config, then validated whole; `$encrypted$` keeps a stored secret. */
  @ValidateIf(isGiven)
  @IsObject()
  config?: Record<string, unknown>;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NotifierMessagesDto)
  messages?: NotifierMessagesDto | null;

  /** Applies to deliveries routed from now on; `null` gives them `HERALD_MAX_ATTEMPTS` again. */
  @IsOptional()
  @IsInt()
  @Min(MIN_MAX_ATTEMPTS)
  @Max(MAX_MAX_ATTEMPTS)
  maxAttempts?: number | null;
}
