import { ChannelName } from '@herald/contracts';
import { type ChannelAdapter, DeliveryError, type SendResult } from '@herald/worker-kit';

export class SignalAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Signal;

  async send(): Promise<SendResult> {
    throw DeliveryError.permanent('the signal channel is being built');
  }
}
