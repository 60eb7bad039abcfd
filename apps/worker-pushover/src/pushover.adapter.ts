import { ChannelName, type PushoverConfigDto } from '@herald/contracts';
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
import { buildPushoverPayload } from './build-pushover-payload.js';
import { classifyPushoverError } from './classify-pushover-error.js';

/** Posts Pushover messages over keep-alive connections shared by every notifier. */
export class PushoverAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Pushover;
  private readonly http: HttpSender;

  constructor(options: HttpSenderOptions = {}) {
    this.http = new HttpSender(options);
  }

  async send(
    delivery: OutboundDelivery,
    notifier: OutboundNotifier,
    signal: AbortSignal,
  ): Promise<SendResult> {
    const config = channelConfigOf<PushoverConfigDto>(ChannelName.Pushover, notifier);
    const { url, headers, body } = buildPushoverPayload(delivery, config);
    const response = await this.http.request({ url, method: 'POST', headers, body }, signal);
    const failure = classifyPushoverError({ response });
    if (failure) throw failure;
    const request = jsonBodyOf<{ request?: unknown }>(response.body)?.request;
    return {
      providerCode: String(response.status),
      ...(typeof request === 'string' ? { providerMessageId: request } : {}),
    };
  }

  async close(): Promise<void> {
    await this.http.close();
  }
}
