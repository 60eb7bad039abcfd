import { DeliveryError, toDeliveryError } from '@herald/worker-kit';

// Also catches a token that differs from the configured one (a proxy echoing some other bot's URL).
const BOT_PATH = /bot\d{1,20}:[A-Za-z0-9_-]+/g;

/** `text` with the bot token, which the Bot API puts in every URL path, replaced by `***`. */
export function redactBotToken(text: string, token: string): string {
  const withoutToken = token ? text.split(token).join('***') : text;
  return withoutToken.replace(BOT_PATH, 'bot***');
}

/**
 * The same outcome with the token gone from its message. The cause is dropped: a transport
 * error can carry the request URL, and the runtime may log or store whatever it is handed.
 */
export function withoutBotToken(error: unknown, token: string): DeliveryError {
  const failure = toDeliveryError(error);
  return new DeliveryError(failure.code, redactBotToken(failure.message, token), {
    providerCode: failure.providerCode,
    retryAfterMs: failure.retryAfterMs,
  });
}
