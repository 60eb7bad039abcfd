import 'reflect-metadata';
import {
  ArrayUnique,
  IsArray,
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
} from 'class-validator';
import { CHANNEL_NAMES } from '../channels/channel-name.enum.js';
import type { ChannelTemplateMap } from './event-type.view.js';

/** Event type names, the same as an event's `type` (`job.failed`, `github.push`). */
export const EVENT_TYPE_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,127}$/i;
export const EVENT_TYPE_MESSAGE = 'must be 1-128 characters of letters, digits, _ . - (e.g. job.failed)';

/** The longest dedupe window: a week. */
export const MAX_DEDUPE_WINDOW_SECONDS = 7 * 24 * 3600;

/** `PUT /v1/event-types/:name`: the whole definition; fields left out take their defaults. */
export class PutEventTypeDto {
  /**
   * Per channel or `default`: `{title?, body?, html?, blocks?}`. The map's shape is checked by
   * `templateShapeProblems` and every source must parse; the service reports both with precise paths.
   */
  @IsOptional()
  @IsObject()
  templates?: ChannelTemplateMap;

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(CHANNEL_NAMES, { each: true })
  defaultMethods?: string[];

  @IsOptional()
  @IsBoolean()
  enabledByDefault?: boolean;

  @IsOptional()
  @IsBoolean()
  critical?: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  group?: string;

  /**
   * Sends the same rendered message to the same target once within this many seconds (at most
   * 7 days, the default retention, since older deliveries may be gone). Left out or null: no dedupe.
   */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_DEDUPE_WINDOW_SECONDS)
  dedupeWindowSeconds?: number | null;
}

/** `:name` of /v1/event-types/:name and /v1/admin/event-types/:name/methods. */
export class EventTypeParamsDto {
  @Matches(EVENT_TYPE_PATTERN, { message: `name ${EVENT_TYPE_MESSAGE}` })
  name: string;
}
