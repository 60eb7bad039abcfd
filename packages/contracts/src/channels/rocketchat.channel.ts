import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** RocketChat notifier config. */
export class RocketChatConfigDto {}

export const ROCKETCHAT_CHANNEL: ChannelDefinition = {
  name: ChannelName.RocketChat,
  configDto: RocketChatConfigDto,
  addressKind: AddressKind.Handle,
  secretFields: ['webhookUrl'],
  defaultRateLimit: { max: 10, durationMs: 1000 },
};
