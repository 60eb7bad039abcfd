import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

export const NTFY_SERVER_URL = 'https://ntfy.sh';

/** ntfy notifier config: the topic every delivery of the notifier is published to. */
export class NtfyConfigDto {
  /** The ntfy server, ntfy.sh unless self-hosted (a path prefix is kept). */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(2048)
  serverUrl?: string;

  /** ntfy's own rule for topic names. */
  @IsString()
  @Matches(/^[-_A-Za-z0-9]{1,64}$/, { message: 'topic must be 1 to 64 letters, digits, "-" or "_"' })
  topic: string;

  /** 1 (min) to 5 (max); ntfy's default is 3. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  priority?: number;

  /** Tags, shown as emojis when they name one (`warning`, `rotating_light`). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(64, { each: true })
  tags?: string[];

  /** Access token (`tk_...`), sent as `Authorization: Bearer`. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  token?: string;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  username?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;
}

export const NTFY_CHANNEL: ChannelDefinition = {
  name: ChannelName.Ntfy,
  configDto: NtfyConfigDto,
  addressKind: AddressKind.Notifier,
  secretFields: ['token', 'password'],
  // ntfy's default visitor limit: a bucket of 60 requests refilled at one request every 5 s.
  // Sending at the refill rate never empties it; self-hosted servers may allow more.
  defaultRateLimit: { max: 12, durationMs: 60_000 },
  notifierAddress: (config) => {
    if (typeof config.topic !== 'string' || config.topic === '') return null;
    const server = typeof config.serverUrl === 'string' ? config.serverUrl : NTFY_SERVER_URL;
    return `${server.replace(/\/+$/, '')}/${config.topic}`;
  },
};
