import { ChannelName } from '@herald/contracts';
import { type ChannelAdapter, DeliveryError, type SendResult } from '@herald/worker-kit';

export class AmqpAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Amqp;

  async send(): Promise<SendResult> {
    throw DeliveryError.permanent('the amqp channel is being built');
  }
}
