import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** Grafana notifier config. */
export class GrafanaConfigDto {}

export const GRAFANA_CHANNEL: ChannelDefinition = {
  name: ChannelName.Grafana,
  configDto: GrafanaConfigDto,
  addressKind: AddressKind.Notifier,
  secretFields: ['apiKey'],
  defaultRateLimit: { max: 50, durationMs: 1000 },
};
