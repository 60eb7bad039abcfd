import { ChannelName } from '@herald/contracts';
import { type ChannelAdapter, DeliveryError, type SendResult } from '@herald/worker-kit';

export class InAppAdapter implements ChannelAdapter {
  readonly channel = ChannelName.InApp;

  async send(): Promise<SendResult> {
    throw DeliveryError.permanent('the inapp channel is being built');
  }
}
