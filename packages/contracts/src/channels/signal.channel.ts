import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** Signal notifier config. */
export class SignalConfigDto {}

export const SIGNAL_CHANNEL: ChannelDefinition = {
  name: ChannelName.Signal,
  configDto: SignalConfigDto,
  addressKind: AddressKind.Phone,
  secretFields: ['password'],
  defaultRateLimit: { max: 5, durationMs: 1000 },
};
