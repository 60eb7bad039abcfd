import { ChannelName } from '@herald/contracts';
import { type ChannelAdapter, DeliveryError, type SendResult } from '@herald/worker-kit';

export class DiscordAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Discord;

  async send(): Promise<SendResult> {
    throw DeliveryError.permanent('the discord channel is being built');
  }
}
