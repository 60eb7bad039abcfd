import { ChannelName } from '@herald/contracts';
import { type ChannelAdapter, DeliveryError, type SendResult } from '@herald/worker-kit';

export class PagerDutyAdapter implements ChannelAdapter {
  readonly channel = ChannelName.PagerDuty;

  async send(): Promise<SendResult> {
    throw DeliveryError.permanent('the pagerduty channel is being built');
  }
}
