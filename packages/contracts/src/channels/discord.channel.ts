import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** Discord notifier config. */
export class DiscordConfigDto {}

export const DISCORD_CHANNEL: ChannelDefinition = {
  name: ChannelName.Discord,
  configDto: DiscordConfigDto,
  addressKind: AddressKind.Notifier,
  secretFields: ['webhookUrl'],
  defaultRateLimit: { max: 5, durationMs: 2000 },
};
