import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** InApp notifier config. */
export class InAppConfigDto {}

export const INAPP_CHANNEL: ChannelDefinition = {
  name: ChannelName.InApp,
  configDto: InAppConfigDto,
  addressKind: AddressKind.User,
  secretFields: [],
  defaultRateLimit: { max: 1000, durationMs: 1000 },
};
