import { Logger } from '@nestjs/common';
import { ChannelName, type FeishuConfigDto, FeishuMode } from '@herald/contracts';
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
import {
  buildFeishuPayload,
  buildFeishuUrgentRequest,
  type FeishuAppMessage,
  type FeishuAppPayload,
  type FeishuWebhookPayload,
} from './build-feishu-payload.js';
import {
  classifyFeishuError,
  FEISHU_TOKEN_INVALID_CODES,
  type FeishuAnswer,
} from './classify-feishu-error.js';
import { TenantTokenCache } from './tenant-token-cache.js';

export interface FeishuAdapterOptions extends HttpSenderOptions {
  /** Only there to age cached tenant tokens in specs. */
  now?: () => number;
}

const JSON_UTF8 = 'application/json; charset=utf-8';

/**
 * Sends through a group's custom bot, or as an app through the Open API with a cached tenant
 * token: one message per recipient, then the urgent alert if the notifier asks for one.
 */
export class FeishuAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Feishu;
  private readonly http: HttpSender;
  private readonly tokens: TenantTokenCache;
  private readonly logger = new Logger('FeishuAdapter');

  constructor(options: FeishuAdapterOptions = {}) {
    this.http = new HttpSender(options);
    this.tokens = new TenantTokenCache(this.http, options.now);
  }

  async send(
    delivery: OutboundDelivery,
    notifier: OutboundNotifier,
    signal: AbortSignal,
  ): Promise<SendResult> {
    const config = channelConfigOf<FeishuConfigDto>(ChannelName.Feishu, notifier);
    const payload = buildFeishuPayload(delivery, config);
    return payload.mode === FeishuMode.Webhook
      ? this.sendWebhook(payload, signal)
      : this.sendAsApp(payload, config, delivery, signal);
  }

  /** Waits for requests in flight, then closes every connection. */
  async close(): Promise<void> {
    await this.http.close();
  }

  private async sendWebhook(payload: FeishuWebhookPayload, signal: AbortSignal): Promise<SendResult> {
    const response = await this.http.postJson(payload.url, payload.body, signal, {
      headers: { 'content-type': JSON_UTF8 },
    });
    const failure = classifyFeishuError({ response });
    if (failure) throw failure;
    return { providerCode: '0' };
  }

  // One recipient after the other: a failure stops the attempt, and the retry re-sends the ones
  // already served under the same uuid, which Feishu answers without posting again.
  private async sendAsApp(
    payload: FeishuAppPayload,
    config: FeishuConfigDto,
    delivery: OutboundDelivery,
    signal: AbortSignal,
  ): Promise<SendResult> {
    const messageIds: string[] = [];
    for (const message of payload.messages) {
      const messageId = await this.postMessage(message, config, signal);
      if (messageId) messageIds.push(messageId);
      if (messageId && message.urgent) {
        const about = `delivery ${delivery.id} to ${message.receiveId}`;
        await this.raiseUrgent(config, messageId, message.urgent, about, signal);
      }
    }
    return { providerCode: '0', providerMessageId: messageIds.join(',') || undefined };
  }

  private async postMessage(
    message: FeishuAppMessage,
    config: FeishuConfigDto,
    signal: AbortSignal,
  ): Promise<string | undefined> {
    let answer = await this.callApi(message.url, message.body, config, signal);
    if (answer.failure && isTokenInvalid(answer.failure.providerCode)) {
      this.tokens.invalidate(config);
      answer = await this.callApi(message.url, message.body, config, signal);
    }
    if (answer.failure) throw answer.failure;
    const messageId = answer.body?.data?.message_id;
    return typeof messageId === 'string' ? messageId : undefined;
  }

  /** Urgent is a courtesy on top of a message already delivered: its failure is logged, never thrown. */
  private async raiseUrgent(
    config: FeishuConfigDto,
    messageId: string,
    urgent: NonNullable<FeishuAppMessage['urgent']>,
    about: string,
    signal: AbortSignal,
  ): Promise<void> {
    const request = buildFeishuUrgentRequest(config, messageId, urgent);
    const failure = await this.callApi(request.url, request.body, config, signal, request.method).then(
      (answer) => answer.failure,
      (error: unknown) => error as Error,
    );
    if (failure) {
      this.logger.warn(
        `${about}: urgent_${urgent.kind} on ${messageId} failed, the message itself was sent: ${failure.message}`,
      );
    }
  }

  private async callApi(
    url: string,
    body: unknown,
    config: FeishuConfigDto,
    signal: AbortSignal,
    method: 'POST' | 'PATCH' = 'POST',
  ): Promise<{ body: FeishuAnswer | undefined; failure: ReturnType<typeof classifyFeishuError> }> {
    const token = await this.tokens.get(config, signal);
    const response = await this.http.request(
      {
        url,
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': JSON_UTF8 },
        body: JSON.stringify(body),
      },
      signal,
    );
    return { body: jsonBodyOf<FeishuAnswer>(response.body), failure: classifyFeishuError({ response }) };
  }
}

function isTokenInvalid(providerCode: string | undefined): boolean {
  return FEISHU_TOKEN_INVALID_CODES.has(Number(providerCode));
}
