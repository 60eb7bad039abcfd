import { IsBoolean, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** Rocket.Chat notifier config: an incoming webhook integration. */
export class RocketChatConfigDto {
  /** `https://<server>/hooks/<integrationId>/<token>`; whoever has it can post. */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(2048)
  webhookUrl: string;

  /**
   * `#channel` or `@username`; default the integration's own. Rocket.Chat refuses it unless the
   * integration allows overriding the destination channel.
   */
  @IsOptional()
  @IsString()
  @Matches(/^[#@]?[^\s#@]{1,100}$/, { message: '$property must be a #channel or @username' })
  channel?: string;

  /** Shown as the message's alias. */
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

export const ROCKETCHAT_CHANNEL: ChannelDefinition = {
  name: ChannelName.RocketChat,
  configDto: RocketChatConfigDto,
  addressKind: AddressKind.Handle,
  secretFields: ['webhookUrl'],
  // Rocket.Chat's REST rate limiter allows 10 calls per minute per endpoint by default, and the
  // endpoint of an incoming webhook is its URL.
  defaultRateLimit: { max: 10, durationMs: 60_000 },
  // Without a channel the integration posts to the channel it was created for.
  notifierAddress: (config) => (typeof config.channel === 'string' ? config.channel : 'webhook'),
};
