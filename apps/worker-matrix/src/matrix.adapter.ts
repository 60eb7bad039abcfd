import { ChannelName } from '@herald/contracts';
import { type ChannelAdapter, DeliveryError, type SendResult } from '@herald/worker-kit';

export class MatrixAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Matrix;

  async send(): Promise<SendResult> {
    throw DeliveryError.permanent('the matrix channel is being built');
  }
}
