import { ChannelName, type SignalConfigDto } from '@herald/contracts';
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
import { buildSignalPayload } from './build-signal-payload.js';
import { classifySignalError } from './classify-signal-error.js';

/** Sends Signal messages through signal-cli REST API servers, over shared keep-alive connections. */
export class SignalAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Signal;
  private readonly http: HttpSender;

  constructor(options: HttpSenderOptions = {}) {
    this.http = new HttpSender(options);
  }

  async send(
    delivery: OutboundDelivery,
    notifier: OutboundNotifier,
    signal: AbortSignal,
  ): Promise<SendResult> {
    const config = channelConfigOf<SignalConfigDto>(ChannelName.Signal, notifier);
    const { url, headers, body } = buildSignalPayload(delivery, config);
    const response = await this.http.request(
      { url, method: 'POST', headers, body: JSON.stringify(body), tlsSkipVerify: config.tlsSkipVerify },
      signal,
    );
    const failure = classifySignalError({ response });
    if (failure) throw failure;
    // Signal knows a message by its sender and timestamp.
    const timestamp = jsonBodyOf<{ timestamp?: unknown }>(response.body)?.timestamp;
    return {
      providerCode: String(response.status),
      ...(typeof timestamp === 'string' ? { providerMessageId: timestamp } : {}),
    };
  }

  async close(): Promise<void> {
    await this.http.close();
  }
}
