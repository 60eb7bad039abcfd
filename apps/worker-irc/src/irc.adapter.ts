import { ChannelName } from '@herald/contracts';
import { type ChannelAdapter, DeliveryError, type SendResult } from '@herald/worker-kit';

export class IrcAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Irc;

  async send(): Promise<SendResult> {
    throw DeliveryError.permanent('the irc channel is being built');
  }
}
