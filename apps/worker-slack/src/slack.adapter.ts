import { ChannelName } from '@herald/contracts';
import { type ChannelAdapter, DeliveryError, type SendResult } from '@herald/worker-kit';

export class SlackAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Slack;

  async send(): Promise<SendResult> {
    throw DeliveryError.permanent('the slack channel is being built');
  }
}
