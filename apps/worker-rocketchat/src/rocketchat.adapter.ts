import { ChannelName } from '@herald/contracts';
import { type ChannelAdapter, DeliveryError, type SendResult } from '@herald/worker-kit';

export class RocketChatAdapter implements ChannelAdapter {
  readonly channel = ChannelName.RocketChat;

  async send(): Promise<SendResult> {
    throw DeliveryError.permanent('the rocketchat channel is being built');
  }
}
