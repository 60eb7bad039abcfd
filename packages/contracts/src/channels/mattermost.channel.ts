import { IsBoolean, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** Mattermost notifier config: an incoming webhook, optionally posting elsewhere than its own channel. */
export class MattermostConfigDto {
  /** `https://<server>/hooks/<key>`; whoever has it can post. */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(2048)
  webhookUrl: string;

  /** A channel name (`town-square`, not its display name) or `@username`; default the webhook's own. */
  @IsOptional()
  @IsString()
  @Matches(/^[#@]?[^\s#@]{1,64}$/, { message: '$property must be a channel name or @username' })
  channel?: string;

  /** Shown as the poster when the server allows integrations to override it. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  username?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(2048)
  iconUrl?: string;

  /** Self-hosted servers with a self-signed certificate. */
  @IsOptional()
  @IsBoolean()
  tlsSkipVerify?: boolean;
}

export const MATTERMOST_CHANNEL: ChannelDefinition = {
  name: ChannelName.Mattermost,
  configDto: MattermostConfigDto,
  addressKind: AddressKind.Handle,
  secretFields: ['webhookUrl'],
  // Mattermost's own rate limiting (off unless enabled) defaults to 10 requests per second.
  defaultRateLimit: { max: 10, durationMs: 1000 },
  // Without a channel the webhook posts to the channel it was created for.
  notifierAddress: (config) => (typeof config.channel === 'string' ? config.channel : 'webhook'),
};
