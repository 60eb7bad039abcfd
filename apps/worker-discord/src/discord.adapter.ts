import { ChannelName, type DiscordConfigDto } from '@herald/contracts';
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
import { buildDiscordPayload } from './build-discord-payload.js';
import { classifyDiscordError } from './classify-discord-error.js';

/** Executes the notifier's Discord webhook with one embed per delivery. */
export class DiscordAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Discord;
  private readonly http: HttpSender;

  constructor(options: HttpSenderOptions = {}) {
    this.http = new HttpSender(options);
  }

  async send(
    delivery: OutboundDelivery,
    notifier: OutboundNotifier,
    signal: AbortSignal,
  ): Promise<SendResult> {
    const config = channelConfigOf<DiscordConfigDto>(ChannelName.Discord, notifier);
    const { url, body } = buildDiscordPayload(delivery, config);
    const response = await this.http.postJson(url, body, signal);
    const failure = classifyDiscordError({ response });
    if (failure) throw failure;
    const id = jsonBodyOf<{ id?: unknown }>(response.body)?.id;
    return {
      providerCode: String(response.status),
      ...(typeof id === 'string' ? { providerMessageId: id } : {}),
    };
  }

  /** Waits for requests in flight, then closes every connection. */
  async close(): Promise<void> {
    await this.http.close();
  }
}
