import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** Gotify notifier config: one Gotify application on one server. */
export class GotifyConfigDto {
  /** The Gotify server, with its path prefix when it is served under one. */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(2048)
  serverUrl: string;

  /** The application's token, sent as `X-Gotify-Key`. */
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  appToken: string;

  /** 0 to 10. Android client: 0 no notification, 1-3 silent, 4-7 sound, 8-10 pop-up. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  priority?: number;

  @IsOptional()
  @IsBoolean()
  tlsSkipVerify?: boolean;
}

export const GOTIFY_CHANNEL: ChannelDefinition = {
  name: ChannelName.Gotify,
  configDto: GotifyConfigDto,
  addressKind: AddressKind.Notifier,
  secretFields: ['appToken'],
  // Gotify is self-hosted and documents no limit; this only keeps a burst from swamping it.
  defaultRateLimit: { max: 20, durationMs: 1000 },
  notifierAddress: (config) => (typeof config.serverUrl === 'string' ? config.serverUrl : null),
};
