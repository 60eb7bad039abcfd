import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** Mattermost notifier config. */
export class MattermostConfigDto {}

export const MATTERMOST_CHANNEL: ChannelDefinition = {
  name: ChannelName.Mattermost,
  configDto: MattermostConfigDto,
  addressKind: AddressKind.Handle,
  secretFields: ['webhookUrl'],
  defaultRateLimit: { max: 10, durationMs: 1000 },
};
