import { ChannelName, type MqttConfigDto } from '@herald/contracts';
import type { OutboundDelivery, OutboundNotifier } from '@herald/worker-kit';
import { outboundDelivery as sharedDelivery, outboundNotifier } from '@herald/worker-kit/testing';

export const MOSQUITTO_URL = 'mqtt://127.0.0.1:1883';

export function outboundDelivery(overrides: Partial<OutboundDelivery> = {}): OutboundDelivery {
  return sharedDelivery({ channel: ChannelName.Mqtt, ...overrides });
}

export function mqttConfig(overrides: Partial<MqttConfigDto> = {}): MqttConfigDto {
  return { brokerUrl: MOSQUITTO_URL, topic: 'herald/notifications', ...overrides };
}

export function mqttNotifier(config: MqttConfigDto): OutboundNotifier {
  return outboundNotifier(ChannelName.Mqtt, config);
}
