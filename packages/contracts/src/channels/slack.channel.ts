import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** Slack notifier config. */
export class SlackConfigDto {}

export const SLACK_CHANNEL: ChannelDefinition = {
  name: ChannelName.Slack,
  configDto: SlackConfigDto,
  addressKind: AddressKind.Handle,
  secretFields: ['botToken', 'webhookUrl'],
  defaultRateLimit: { max: 10, durationMs: 1000 },
};
