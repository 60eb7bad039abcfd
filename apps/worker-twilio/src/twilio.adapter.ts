import { ChannelName } from '@herald/contracts';
import { type ChannelAdapter, DeliveryError, type SendResult } from '@herald/worker-kit';

export class TwilioAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Twilio;

  async send(): Promise<SendResult> {
    throw DeliveryError.permanent('the twilio channel is being built');
  }
}
