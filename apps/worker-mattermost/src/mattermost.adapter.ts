import { ChannelName } from '@herald/contracts';
import { type ChannelAdapter, DeliveryError, type SendResult } from '@herald/worker-kit';

export class MattermostAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Mattermost;

  async send(): Promise<SendResult> {
    throw DeliveryError.permanent('the mattermost channel is being built');
  }
}
