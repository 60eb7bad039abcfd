import { ChannelName } from '@herald/contracts';
import { type ChannelAdapter, DeliveryError, type SendResult } from '@herald/worker-kit';

export class FeishuAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Feishu;

  async send(): Promise<SendResult> {
    throw DeliveryError.permanent('the feishu channel is being built');
  }
}
