import { TELEGRAM_CHAT_ID, type TelegramConfigDto } from '@herald/contracts';
import { markdownToText } from '@herald/templates';
import { DeliveryError, type OutboundDelivery } from '@herald/worker-kit';
import { escapeTelegramHtml, markdownToTelegramHtml } from './markdown-to-telegram-html.js';

export const DEFAULT_TELEGRAM_API_URL = 'https://api.telegram.org';
/** sendMessage's limit on `text`, counted after entity parsing (the visible characters). */
export const MAX_TEXT_LENGTH = 4096;
const MAX_TITLE_LENGTH = 256;

/** One sendMessage call. The URL holds the bot token: never log it or put it in an error. */
export interface TelegramRequest {
  chatId: string;
  url: string;
  body: TelegramSendMessage;
}

export interface TelegramSendMessage {
  chat_id: string;
  text: string;
  parse_mode: 'HTML';
  link_preview_options: { is_disabled: true };
  reply_markup?: { inline_keyboard: { text: string; url: string }[][] };
}

/**
 * One sendMessage per destination chat: the user's chat id for a user-targeted delivery, else
 * every chat of the notifier's `chatIds`.
 */
export function buildTelegramPayload(
  delivery: OutboundDelivery,
  config: TelegramConfigDto,
): TelegramRequest[] {
  const url = `${(config.apiUrl ?? DEFAULT_TELEGRAM_API_URL).replace(/\/+$/, '')}/bot${config.botToken}/sendMessage`;
  const text = textOf(delivery);
  const keyboard = keyboardOf(delivery);
  return chatIdsOf(delivery, config).map((chatId) => ({
    chatId,
    url,
    body: {
      chat_id: chatId,
      text,
      parse_mode: 'HTML',
      // A preview of the first link would push the message itself out of view.
      link_preview_options: { is_disabled: true },
      ...(keyboard.length > 0 ? { reply_markup: { inline_keyboard: keyboard } } : {}),
    },
  }));
}

/** The title in bold, a blank line, then the body; the body is what gives way to the limit. */
function textOf({ message }: OutboundDelivery): string {
  const title = markdownToText(message.title);
  const shortTitle = title.length > MAX_TITLE_LENGTH ? `${title.slice(0, MAX_TITLE_LENGTH - 1)}…` : title;
  const heading = `<b>${escapeTelegramHtml(shortTitle)}</b>`;
  const body = markdownToTelegramHtml(message.markdown, MAX_TEXT_LENGTH - shortTitle.length - 2);
  return body ? `${heading}\n\n${body}` : heading;
}

// One button a row: labels stay readable on a phone.
function keyboardOf({ notification }: OutboundDelivery): { text: string; url: string }[][] {
  return notification.actions
    .filter(({ url }) => /^(https?|tg):/i.test(url))
    .map(({ label, url }) => [{ text: label, url }]);
}

function chatIdsOf(delivery: OutboundDelivery, config: TelegramConfigDto): string[] {
  if (delivery.user) {
    const address = delivery.address?.trim() ?? '';
    if (!TELEGRAM_CHAT_ID.test(address)) {
      throw DeliveryError.permanent(
        `user ${delivery.user.id} has no valid telegram chat id (got "${address}"); set addresses.telegram to a numeric chat id`,
      );
    }
    return [address];
  }
  const chatIds = config.chatIds ?? [];
  if (chatIds.length === 0) throw DeliveryError.permanent('the telegram notifier has no chatIds to post to');
  return chatIds;
}
