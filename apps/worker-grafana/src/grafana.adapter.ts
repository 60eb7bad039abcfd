import { ChannelName } from '@herald/contracts';
import { type ChannelAdapter, DeliveryError, type SendResult } from '@herald/worker-kit';

export class GrafanaAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Grafana;

  async send(): Promise<SendResult> {
    throw DeliveryError.permanent('the grafana channel is being built');
  }
}
