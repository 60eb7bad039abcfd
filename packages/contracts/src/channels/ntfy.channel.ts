import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** Ntfy notifier config. */
export class NtfyConfigDto {}

export const NTFY_CHANNEL: ChannelDefinition = {
  name: ChannelName.Ntfy,
  configDto: NtfyConfigDto,
  addressKind: AddressKind.Notifier,
  secretFields: ['token', 'password'],
  defaultRateLimit: { max: 10, durationMs: 1000 },
};
