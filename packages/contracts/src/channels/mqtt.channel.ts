import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** Mqtt notifier config. */
export class MqttConfigDto {}

export const MQTT_CHANNEL: ChannelDefinition = {
  name: ChannelName.Mqtt,
  configDto: MqttConfigDto,
  addressKind: AddressKind.Notifier,
  secretFields: ['password'],
  defaultRateLimit: { max: 500, durationMs: 1000 },
};
