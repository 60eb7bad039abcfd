import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** Irc notifier config. */
export class IrcConfigDto {}

export const IRC_CHANNEL: ChannelDefinition = {
  name: ChannelName.Irc,
  configDto: IrcConfigDto,
  addressKind: AddressKind.Handle,
  secretFields: ['password', 'saslPassword'],
  defaultRateLimit: { max: 2, durationMs: 1000 },
};
