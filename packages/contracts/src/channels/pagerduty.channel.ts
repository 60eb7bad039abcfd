import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** PagerDuty notifier config. */
export class PagerDutyConfigDto {}

export const PAGERDUTY_CHANNEL: ChannelDefinition = {
  name: ChannelName.PagerDuty,
  configDto: PagerDutyConfigDto,
  addressKind: AddressKind.Notifier,
  secretFields: ['routingKey'],
  defaultRateLimit: { max: 120, durationMs: 60000 },
};
