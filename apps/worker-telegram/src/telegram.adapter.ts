import { ChannelName, type TelegramConfigDto } from '@herald/contracts';
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
} from '@herald/worker-kit';
import { buildTelegramPayload, type TelegramRequest } from './build-telegram-payload.js';
import { classifyTelegramError } from './classify-telegram-error.js';
import { withoutBotToken } from './redact-bot-token.js';

// Which failure decides a delivery that failed in several chats: any chance of success wins.
const URGENCY: Record<DeliveryErrorCode, number> = {
  [DeliveryErrorCode.RateLimited]: 2,
  [DeliveryErrorCode.Retryable]: 1,
  [DeliveryErrorCode.Permanent]: 0,
};

/** Sends through the Bot API's sendMessage, once per destination chat. */
export class TelegramAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Telegram;
  private readonly http: HttpSender;

  constructor(options: HttpSenderOptions = {}) {
    this.http = new HttpSender(options);
  }

  async send(
    delivery: OutboundDelivery,
    notifier: OutboundNotifier,
    signal: AbortSignal,
  ): Promise<SendResult> {
    const config = channelConfigOf<TelegramConfigDto>(ChannelName.Telegram, notifier);
    try {
      return await this.sendToEachChat(buildTelegramPayload(delivery, config), signal);
    } catch (error) {
      throw withoutBotToken(error, config.botToken);
    }
  }

  /** Waits for requests in flight, then closes every connection. */
  async close(): Promise<void> {
    await this.http.close();
  }

  /**
   * Every chat is tried even after one fails, so one bad chat id does not silence the others. A
   * retry sends to all of them again: the Bot API has no idempotency key to dedupe on.
   */
  private async sendToEachChat(requests: TelegramRequest[], signal: AbortSignal): Promise<SendResult> {
    const messageIds: string[] = [];
    const failures: { chatId: string; error: DeliveryError }[] = [];
    for (const { chatId, url, body } of requests) {
      try {
        messageIds.push(await this.sendMessage(url, body, signal));
      } catch (error) {
        if (!(error instanceof DeliveryError)) throw error;
        failures.push({ chatId, error });
      }
    }
    if (failures.length === 0) return { providerCode: '200', providerMessageId: messageIds.join(',') };
    if (requests.length === 1) throw failures[0].error;

    const decisive = failures.reduce((worst, next) =>
      URGENCY[next.error.code] > URGENCY[worst.error.code] ? next : worst,
    ).error;
    const waits = failures.map(({ error }) => error.retryAfterMs ?? 0);
    throw new DeliveryError(
      decisive.code,
      failures.map(({ chatId, error }) => `chat ${chatId}: ${error.message}`).join('; '),
      {
        providerCode: decisive.providerCode,
        retryAfterMs: decisive.code === DeliveryErrorCode.RateLimited ? Math.max(...waits) : undefined,
      },
    );
  }

  private async sendMessage(url: string, body: unknown, signal: AbortSignal): Promise<string> {
    const response = await this.http.postJson(url, body, signal);
    const failure = classifyTelegramError({ response });
    if (failure) throw failure;
    const id = jsonBodyOf<{ result?: { message_id?: unknown } }>(response.body)?.result?.message_id;
    return String(id ?? '');
  }
}
