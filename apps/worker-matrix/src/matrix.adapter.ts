import { ChannelName, type MatrixConfigDto } from '@herald/contracts';
import {
  type ChannelAdapter,
  channelConfigOf,
  HttpSender,
  type HttpSenderOptions,
  jsonBodyOf,
  type OutboundDelivery,
  type OutboundNotifier,
  type SendResult,
} from '@herald/worker-kit';
import { buildMatrixPayload } from './build-matrix-payload.js';
import { classifyMatrixError } from './classify-matrix-error.js';

export type MatrixAdapterOptions = HttpSenderOptions;

/**
 * Posts each delivery as an `m.room.message` event to its rooms, one after the other. A failure
 * stops there and the whole delivery is retried: the rooms already served see the same
 * transaction id again, so the homeserver answers their first event instead of posting twice.
 */
export class MatrixAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Matrix;
  private readonly http: HttpSender;

  constructor(options: MatrixAdapterOptions = {}) {
    this.http = new HttpSender(options);
  }

  async send(
    delivery: OutboundDelivery,
    notifier: OutboundNotifier,
    signal: AbortSignal,
  ): Promise<SendResult> {
    const config = channelConfigOf<MatrixConfigDto>(ChannelName.Matrix, notifier);
    const eventIds: string[] = [];
    let status = 0;
    for (const request of buildMatrixPayload(delivery, config)) {
      const response = await this.http.request(
        {
          url: request.url,
          method: request.method,
          headers: request.headers,
          body: JSON.stringify(request.body),
          tlsSkipVerify: config.tlsSkipVerify,
        },
        signal,
      );
      const failure = classifyMatrixError({ response });
      if (failure) throw failure;
      status = response.status;
      const eventId = jsonBodyOf<{ event_id?: unknown }>(response.body)?.event_id;
      if (typeof eventId === 'string') eventIds.push(eventId);
    }
    return { providerCode: String(status), providerMessageId: eventIds.join(',') || undefined };
  }

  /** Waits for requests in flight, then closes every connection. */
  async close(): Promise<void> {
    await this.http.close();
  }
}
