import { ChannelName, type GotifyConfigDto } from '@herald/contracts';
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
import { buildGotifyPayload } from './build-gotify-payload.js';
import { classifyGotifyError } from './classify-gotify-error.js';

/** Posts to Gotify applications over keep-alive connections shared by every notifier. */
export class GotifyAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Gotify;
  private readonly http: HttpSender;

  constructor(options: HttpSenderOptions = {}) {
    this.http = new HttpSender(options);
  }

  /** Always to the notifier's application: Gotify has no per-user address. */
  async send(
    delivery: OutboundDelivery,
    notifier: OutboundNotifier,
    signal: AbortSignal,
  ): Promise<SendResult> {
    const config = channelConfigOf<GotifyConfigDto>(ChannelName.Gotify, notifier);
    const { url, headers, body } = buildGotifyPayload(delivery, config);
    const response = await this.http.request(
      { url, method: 'POST', headers, body: JSON.stringify(body), tlsSkipVerify: config.tlsSkipVerify },
      signal,
    );
    const failure = classifyGotifyError({ response });
    if (failure) throw failure;
    const id = jsonBodyOf<{ id?: unknown }>(response.body)?.id;
    return {
      providerCode: String(response.status),
      ...(typeof id === 'number' ? { providerMessageId: String(id) } : {}),
    };
  }

  async close(): Promise<void> {
    await this.http.close();
  }
}
