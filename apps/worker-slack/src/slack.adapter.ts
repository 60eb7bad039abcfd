import { ChannelName, type SlackConfigDto } from '@herald/contracts';
import {
  type ChannelAdapter,
  channelConfigOf,
  DeliveryError,
  DeliveryErrorCode,
  HttpSender,
  type HttpSenderOptions,
  jsonBodyOf,
  type OutboundDelivery,
  type OutboundNotifier,
  type SendResult,
  toDeliveryError,
} from '@herald/worker-kit';
import { buildSlackPayload, type SlackRequest } from './build-slack-payload.js';
import { classifySlackError } from './classify-slack-error.js';

export type SlackAdapterOptions = HttpSenderOptions;

interface Failure {
  target: string;
  error: DeliveryError;
}

/**
 * Posts to Slack through the Web API (`chat.postMessage`, one request per channel) or an incoming
 * webhook. Every channel of a notifier is tried even when one fails, so one archived channel does
 * not silence the others; the error then names the channels that failed.
 */
export class SlackAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Slack;
  private readonly http: HttpSender;

  constructor(options: SlackAdapterOptions = {}) {
    this.http = new HttpSender(options);
  }

  async send(
    delivery: OutboundDelivery,
    notifier: OutboundNotifier,
    signal: AbortSignal,
  ): Promise<SendResult> {
    const config = channelConfigOf<SlackConfigDto>(ChannelName.Slack, notifier);
    const messageIds: string[] = [];
    const delivered: string[] = [];
    const failures: Failure[] = [];
    for (const request of buildSlackPayload(delivery, config)) {
      try {
        const messageId = await this.post(request, signal);
        if (messageId) messageIds.push(messageId);
        delivered.push(request.target);
      } catch (error) {
        failures.push({ target: request.target, error: toDeliveryError(error) });
      }
    }
    if (failures.length > 0) throw combined(failures, delivered);
    return {
      providerCode: '200',
      ...(messageIds.length > 0 ? { providerMessageId: messageIds.join(';') } : {}),
    };
  }

  /** Waits for requests in flight, then closes every connection. */
  async close(): Promise<void> {
    await this.http.close();
  }

  /** Resolves with `<channel>,<ts>` for a Web API post (what a later reply or edit needs). */
  private async post(
    { via, url, headers, body }: SlackRequest,
    signal: AbortSignal,
  ): Promise<string | undefined> {
    const response = await this.http.request({ url, headers, body: JSON.stringify(body) }, signal);
    const failure = classifySlackError({ response }, via);
    if (failure) throw failure;
    const answer = jsonBodyOf<{ channel?: unknown; ts?: unknown }>(response.body);
    return typeof answer?.channel === 'string' && typeof answer.ts === 'string'
      ? `${answer.channel},${answer.ts}`
      : undefined;
  }
}

/**
 * One error for the whole delivery. The most hopeful outcome decides: a rate limit waits (as long
 * as the longest), else a retryable failure retries. A retry posts again to every channel, those
 * already delivered included: chat.postMessage has no idempotency key to prevent it.
 */
function combined(failures: Failure[], delivered: string[]): DeliveryError {
  const worst =
    failures.find(({ error }) => error.code === DeliveryErrorCode.RateLimited) ??
    failures.find(({ error }) => error.code === DeliveryErrorCode.Retryable) ??
    failures[0];
  const retryAfterMs = Math.max(0, ...failures.map(({ error }) => error.retryAfterMs ?? 0)) || undefined;
  const reasons = failures.map(({ target, error }) => `${target}: ${error.message}`).join('; ');
  const note = delivered.length > 0 ? ` (delivered to ${delivered.join(', ')})` : '';
  return new DeliveryError(worst.error.code, `${reasons}${note}`, {
    providerCode: worst.error.providerCode,
    retryAfterMs,
    cause: worst.error,
  });
}
