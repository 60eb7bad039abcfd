import { ChannelName } from '@herald/contracts';
import { type ChannelAdapter, DeliveryError, type SendResult } from '@herald/worker-kit';

export class MqttAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Mqtt;

  async send(): Promise<SendResult> {
    throw DeliveryError.permanent('the mqtt channel is being built');
  }
}
