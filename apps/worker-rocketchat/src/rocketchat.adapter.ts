import { ChannelName, type RocketChatConfigDto } from '@herald/contracts';
import {
  type ChannelAdapter,
  channelConfigOf,
  HttpSender,
  type HttpSenderOptions,
  type OutboundDelivery,
  type OutboundNotifier,
  type SendResult,
} from '@herald/worker-kit';
import { buildRocketChatPayload } from './build-rocketchat-payload.js';
import { classifyRocketChatError } from './classify-rocketchat-error.js';

export type RocketChatAdapterOptions = HttpSenderOptions;

/** Posts to a Rocket.Chat incoming webhook over keep-alive connections shared by every notifier. */
export class RocketChatAdapter implements ChannelAdapter {
  readonly channel = ChannelName.RocketChat;
  private readonly http: HttpSender;

  constructor(options: RocketChatAdapterOptions = {}) {
    this.http = new HttpSender(options);
  }

  async send(
    delivery: OutboundDelivery,
    notifier: OutboundNotifier,
    signal: AbortSignal,
  ): Promise<SendResult> {
    const config = channelConfigOf<RocketChatConfigDto>(ChannelName.RocketChat, notifier);
    const { url, headers, body } = buildRocketChatPayload(delivery, config);
    const response = await this.http.request(
      { url, headers, body: JSON.stringify(body), tlsSkipVerify: config.tlsSkipVerify },
      signal,
    );
    const failure = classifyRocketChatError({ response });
    if (failure) throw failure;
    return { providerCode: String(response.status) };
  }

  /** Waits for requests in flight, then closes every connection. */
  async close(): Promise<void> {
    await this.http.close();
  }
}
