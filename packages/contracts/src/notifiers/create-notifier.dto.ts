import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CHANNEL_NAMES } from '../channels/channel-name.enum.js';
import { NotifierMessagesDto } from './notifier-messages.dto.js';

export const NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** Bounds of a notifier's `maxAttempts`, the same as `HERALD_MAX_ATTEMPTS`'. */
export const MIN_MAX_ATTEMPTS = 1;
export const MAX_MAX_ATTEMPTS = 100;

export class CreateNotifierDto {
  @Matches(NAME_PATTERN, { message: 'name must be 1-63 of a-z 0-9 _ - (e.g. slack_ops)' })
  name: string;

  @IsIn(CHANNEL_NAMES)
  type: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  /** Makes this notifier the channel's notifier for user-targeted deliveries. */
  @IsOptional()
  @IsBoolean()
  default?: boolean;

  /** Name of a notifier to re-route to when a delivery fails for good. */
  @IsOptional()
  @Matches(NAME_PATTERN)
  fallback?: string;

  /** Validated against the channel registry's config DTO for `type`. */
  @IsObject()
  config: Record<string, unknown>;

  /** Custom messages used instead of the event type's templates, per trigger or `default`. */
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NotifierMessagesDto)
  messages?: NotifierMessagesDto;

  /** Tries per delivery through this notifier, the first included; left out or null: `HERALD_MAX_ATTEMPTS`. */
  @IsOptional()
  @IsInt()
  @Min(MIN_MAX_ATTEMPTS)
  @Max(MAX_MAX_ATTEMPTS)
  maxAttempts?: number | null;
}
