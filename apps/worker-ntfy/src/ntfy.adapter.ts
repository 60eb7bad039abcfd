import { ChannelName } from '@herald/contracts';
import { type ChannelAdapter, DeliveryError, type SendResult } from '@herald/worker-kit';

export class NtfyAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Ntfy;

  async send(): Promise<SendResult> {
    throw DeliveryError.permanent('the ntfy channel is being built');
  }
}
