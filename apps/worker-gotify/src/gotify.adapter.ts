import { ChannelName } from '@herald/contracts';
import { type ChannelAdapter, DeliveryError, type SendResult } from '@herald/worker-kit';

export class GotifyAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Gotify;

  async send(): Promise<SendResult> {
    throw DeliveryError.permanent('the gotify channel is being built');
  }
}
