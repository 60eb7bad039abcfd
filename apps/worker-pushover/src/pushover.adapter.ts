import { ChannelName } from '@herald/contracts';
import { type ChannelAdapter, DeliveryError, type SendResult } from '@herald/worker-kit';

export class PushoverAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Pushover;

  async send(): Promise<SendResult> {
    throw DeliveryError.permanent('the pushover channel is being built');
  }
}
