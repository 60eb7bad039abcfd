import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** Pushover notifier config. */
export class PushoverConfigDto {}

export const PUSHOVER_CHANNEL: ChannelDefinition = {
  name: ChannelName.Pushover,
  configDto: PushoverConfigDto,
  addressKind: AddressKind.Handle,
  secretFields: ['token'],
  defaultRateLimit: { max: 5, durationMs: 1000 },
};
