import { ChannelName, type MattermostConfigDto } from '@herald/contracts';
import {
  type ChannelAdapter,
  channelConfigOf,
  HttpSender,
  type HttpSenderOptions,
  type OutboundDelivery,
  type OutboundNotifier,
  type SendResult,
} from '@herald/worker-kit';
import { buildMattermostPayload } from './build-mattermost-payload.js';
import { classifyMattermostError } from './classify-mattermost-error.js';

export type MattermostAdapterOptions = HttpSenderOptions;

/** Posts to a Mattermost incoming webhook over keep-alive connections shared by every notifier. */
export class MattermostAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Mattermost;
  private readonly http: HttpSender;

  constructor(options: MattermostAdapterOptions = {}) {
    this.http = new HttpSender(options);
  }

  async send(
    delivery: OutboundDelivery,
    notifier: OutboundNotifier,
    signal: AbortSignal,
  ): Promise<SendResult> {
    const config = channelConfigOf<MattermostConfigDto>(ChannelName.Mattermost, notifier);
    const { url, headers, body } = buildMattermostPayload(delivery, config);
    const response = await this.http.request(
      { url, headers, body: JSON.stringify(body), tlsSkipVerify: config.tlsSkipVerify },
      signal,
    );
    const failure = classifyMattermostError({ response });
    if (failure) throw failure;
    return { providerCode: String(response.status) };
  }

  /** Waits for requests in flight, then closes every connection. */
  async close(): Promise<void> {
    await this.http.close();
  }
}
