import { type AmqpConfigDto, ChannelName } from '@herald/contracts';
import type { OutboundDelivery, OutboundNotifier } from '@herald/worker-kit';
import { outboundDelivery as sharedDelivery, outboundNotifier } from '@herald/worker-kit/testing';

export const RABBITMQ_URL = 'amqp://guest:guest@127.0.0.1:5672';

export function outboundDelivery(overrides: Partial<OutboundDelivery> = {}): OutboundDelivery {
  return sharedDelivery({ channel: ChannelName.Amqp, ...overrides });
}

export function amqpConfig(overrides: Partial<AmqpConfigDto> = {}): AmqpConfigDto {
  return { url: RABBITMQ_URL, exchange: 'herald.events', routingKey: 'job.failed', ...overrides };
}

export function amqpNotifier(config: AmqpConfigDto): OutboundNotifier {
  return outboundNotifier(ChannelName.Amqp, config);
}
