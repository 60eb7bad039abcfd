import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

export const PUSHOVER_API_URL = 'https://api.pushover.net';

// Application tokens and user/group keys are 30 characters of [A-Za-z0-9] today; a little slack
// keeps a future longer key from being refused by Herald before Pushover has its say.
const PUSHOVER_KEY = /^[A-Za-z0-9]{1,64}$/;

/**
 * Pushover notifier config. User-targeted deliveries go to the user's own Pushover key (their
 * `addresses.pushover`); `userKey` is where the notifier sends when it is attached to a resource.
 */
export class PushoverConfigDto {
  /** The application's API token. */
  @IsString()
  @Matches(PUSHOVER_KEY, { message: 'token must be a Pushover application token (letters and digits)' })
  token: string;

  /** User or group key for notifier targets. */
  @IsOptional()
  @IsString()
  @Matches(PUSHOVER_KEY, { message: 'userKey must be a Pushover user or group key (letters and digits)' })
  userKey?: string;

  /** -2 (no alert) to 2 (emergency: repeated until acknowledged; needs `retry` and `expire`). */
  @IsOptional()
  @IsIn([-2, -1, 0, 1, 2])
  priority?: number;

  /** Emergency priority only: seconds between repeats, at least 30 (Pushover's minimum). */
  @ValidateIf((config: PushoverConfigDto) => config.priority === 2 || config.retry !== undefined)
  @IsInt()
  @Min(30)
  @Max(10800)
  retry?: number;

  /** Emergency priority only: seconds until Pushover stops repeating, at most 10800 (3 hours). */
  @ValidateIf((config: PushoverConfigDto) => config.priority === 2 || config.expire !== undefined)
  @IsInt()
  @Min(30)
  @Max(10800)
  expire?: number;

  /** A built-in or custom sound name, overriding the user's default. */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'sound must be a Pushover sound name' })
  sound?: string;

  /** Send to this device of the user only (comma-separated names for several). */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_,-]{1,200}$/, { message: 'device must be Pushover device names' })
  device?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(2048)
  apiUrl?: string;
}

export const PUSHOVER_CHANNEL: ChannelDefinition = {
  name: ChannelName.Pushover,
  configDto: PushoverConfigDto,
  addressKind: AddressKind.Handle,
  secretFields: ['token'],
  // Pushover counts messages per month rather than per second; its API guide asks for no more
  // than two concurrent connections, which a few messages a second stays well within.
  defaultRateLimit: { max: 5, durationMs: 1000 },
  notifierAddress: (config) => {
    if (typeof config.userKey !== 'string' || config.userKey === '') return null;
    return typeof config.device === 'string' ? `${config.userKey} (${config.device})` : config.userKey;
  },
};
