import { ChannelName } from '@herald/contracts';
import { type ChannelAdapter, DeliveryError, type SendResult } from '@herald/worker-kit';

export class MsTeamsAdapter implements ChannelAdapter {
  readonly channel = ChannelName.MsTeams;

  async send(): Promise<SendResult> {
    throw DeliveryError.permanent('the msteams channel is being built');
  }
}
