import { ChannelName, type WebhookConfigDto } from '@herald/contracts';
import {
  type ChannelAdapter,
  channelConfigOf,
  HttpSender,
  type HttpSenderOptions,
  type OutboundDelivery,
  type OutboundNotifier,
  type SendResult,
} from '@herald/worker-kit';
import { buildWebhookPayload } from './build-webhook-payload.js';
import { classifyWebhookError } from './classify-webhook-error.js';

export type WebhookAdapterOptions = HttpSenderOptions;

/** Posts webhook deliveries with undici over keep-alive connections shared by every notifier. */
export class WebhookAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Webhook;
  private readonly http: HttpSender;

  constructor(options: WebhookAdapterOptions = {}) {
    this.http = new HttpSender(options);
  }

  async send(
    delivery: OutboundDelivery,
    notifier: OutboundNotifier,
    signal: AbortSignal,
  ): Promise<SendResult> {
    const config = channelConfigOf<WebhookConfigDto>(ChannelName.Webhook, notifier);
    const { url, method, headers, body } = buildWebhookPayload(delivery, config);
    const response = await this.http.request(
      { url, method, headers, body, tlsSkipVerify: config.tlsSkipVerify },
      signal,
    );
    const failure = classifyWebhookError({ response });
    if (failure) throw failure;
    return { providerCode: String(response.status) };
  }

  /** Waits for requests in flight, then closes every connection. */
  async close(): Promise<void> {
    await this.http.close();
  }
}
