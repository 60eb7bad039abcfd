import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** MsTeams notifier config. */
export class MsTeamsConfigDto {}

export const MSTEAMS_CHANNEL: ChannelDefinition = {
  name: ChannelName.MsTeams,
  configDto: MsTeamsConfigDto,
  addressKind: AddressKind.Notifier,
  secretFields: ['webhookUrl'],
  defaultRateLimit: { max: 4, durationMs: 1000 },
};
