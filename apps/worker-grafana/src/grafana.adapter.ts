import { ChannelName, type GrafanaConfigDto } from '@herald/contracts';
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
import { buildGrafanaPayload } from './build-grafana-payload.js';
import { classifyGrafanaError } from './classify-grafana-error.js';

export type GrafanaAdapterOptions = HttpSenderOptions;

/** Marks each notification as an annotation on Grafana dashboards. */
export class GrafanaAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Grafana;
  private readonly http: HttpSender;

  constructor(options: GrafanaAdapterOptions = {}) {
    this.http = new HttpSender(options);
  }

  async send(
    delivery: OutboundDelivery,
    notifier: OutboundNotifier,
    signal: AbortSignal,
  ): Promise<SendResult> {
    const config = channelConfigOf<GrafanaConfigDto>(ChannelName.Grafana, notifier);
    const { url, headers, body } = buildGrafanaPayload(delivery, config);
    const response = await this.http.postJson(url, body, signal, {
      headers,
      tlsSkipVerify: config.tlsSkipVerify,
    });
    const failure = classifyGrafanaError({ response });
    if (failure) throw failure;
    const id = jsonBodyOf<{ id?: unknown }>(response.body)?.id;
    return { providerCode: String(response.status), providerMessageId: String(id) };
  }

  async close(): Promise<void> {
    await this.http.close();
  }
}
