import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** Gotify notifier config. */
export class GotifyConfigDto {}

export const GOTIFY_CHANNEL: ChannelDefinition = {
  name: ChannelName.Gotify,
  configDto: GotifyConfigDto,
  addressKind: AddressKind.Notifier,
  secretFields: ['appToken'],
  defaultRateLimit: { max: 20, durationMs: 1000 },
};
