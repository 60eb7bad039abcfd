import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { CHANNEL_NAMES } from '../channels/channel-name.enum.js';
import { EVENT_TYPE_MESSAGE, EVENT_TYPE_PATTERN } from '../event-types/put-event-type.dto.js';

/** `PUT /v1/users/:id/preferences`: one choice; a second PUT for the same type and channel replaces it. */
export class PutPreferenceDto {
  @Matches(EVENT_TYPE_PATTERN, { message: `eventType ${EVENT_TYPE_MESSAGE}` })
  eventType: string;

  /** Left out or null: every channel of the event type. */
  @IsOptional()
  @IsIn(CHANNEL_NAMES)
  channel?: string | null;

  @IsBoolean()
  enabled: boolean;
}
