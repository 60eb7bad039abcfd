import { IsUrl, MaxLength } from 'class-validator';
import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/**
 * Microsoft Teams notifier config: the URL of a Teams Workflows (Power Automate) "When a Teams
 * webhook request is received" trigger. Its `sig` query parameter is the credential.
 */
export class MsTeamsConfigDto {
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(2048)
  webhookUrl: string;
}

export const MSTEAMS_CHANNEL: ChannelDefinition = {
  name: ChannelName.MsTeams,
  configDto: MsTeamsConfigDto,
  addressKind: AddressKind.Notifier,
  secretFields: ['webhookUrl'],
  // Power Automate throttles per flow and documents no figure for this trigger; the retired
  // connectors allowed 4 requests per second, which Workflows accept without 429s.
  defaultRateLimit: { max: 4, durationMs: 1000 },
};
