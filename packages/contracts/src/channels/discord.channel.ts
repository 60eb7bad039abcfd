import { IsOptional, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** Discord notifier config: an incoming webhook of a channel, whose token is in the URL. */
export class DiscordConfigDto {
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(2048)
  webhookUrl: string;

  /** Overrides the webhook's name for Herald's messages (Discord allows 1 to 80 characters). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  username?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(2048)
  avatarUrl?: string;
}

export const DISCORD_CHANNEL: ChannelDefinition = {
  name: ChannelName.Discord,
  configDto: DiscordConfigDto,
  addressKind: AddressKind.Notifier,
  secretFields: ['webhookUrl'],
  // Discord answers 429 past 5 requests per 2 seconds on one webhook (its X-RateLimit-* headers).
  defaultRateLimit: { max: 5, durationMs: 2000 },
};
