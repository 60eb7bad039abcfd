import { ChannelName } from '@herald/contracts';
import { type ChannelAdapter, DeliveryError, type SendResult } from '@herald/worker-kit';

export class TelegramAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Telegram;

  async send(): Promise<SendResult> {
    throw DeliveryError.permanent('the telegram channel is being built');
  }
}
