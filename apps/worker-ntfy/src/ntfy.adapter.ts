import { ChannelName, type NtfyConfigDto } from '@herald/contracts';
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
import { buildNtfyPayload } from './build-ntfy-payload.js';
import { classifyNtfyError } from './classify-ntfy-error.js';

/** Publishes to ntfy topics as JSON over keep-alive connections shared by every notifier. */
export class NtfyAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Ntfy;
  private readonly http: HttpSender;

  constructor(options: HttpSenderOptions = {}) {
    this.http = new HttpSender(options);
  }

  /** Always to the notifier's topic: ntfy has no per-user address. */
  async send(
    delivery: OutboundDelivery,
    notifier: OutboundNotifier,
    signal: AbortSignal,
  ): Promise<SendResult> {
    const config = channelConfigOf<NtfyConfigDto>(ChannelName.Ntfy, notifier);
    const { url, headers, body } = buildNtfyPayload(delivery, config);
    const response = await this.http.request(
      { url, method: 'POST', headers, body: JSON.stringify(body) },
      signal,
    );
    const failure = classifyNtfyError({ response });
    if (failure) throw failure;
    const id = jsonBodyOf<{ id?: unknown }>(response.body)?.id;
    return {
      providerCode: String(response.status),
      ...(typeof id === 'string' ? { providerMessageId: id } : {}),
    };
  }

  async close(): Promise<void> {
    await this.http.close();
  }
}
