import {
  classifyHttpOutcome,
  DeliveryError,
  DeliveryErrorCode,
  type HttpOutcome,
  jsonBodyOf,
} from '@herald/worker-kit';

export const TELEGRAM_SERVICE = 'Telegram';

/** Every Bot API answer: `{ok: true, result}` or `{ok: false, error_code, description, parameters?}`. */
interface BotApiAnswer {
  ok?: unknown;
  error_code?: unknown;
  description?: unknown;
  parameters?: { retry_after?: unknown; migrate_to_chat_id?: unknown };
}

/**
 * Sorts the outcome of a sendMessage call: `null` when Telegram says `ok: true`, otherwise the
 * DeliveryError deciding what happens next. The shared HTTP rules apply to `error_code` (which
 * Telegram mirrors in the status); the body adds `parameters.retry_after` for a 429, the new
 * chat id of a group turned supergroup, and the `description` that explains the rest.
 */
export function classifyTelegramError(outcome: HttpOutcome, now?: number): DeliveryError | null {
  if (!('response' in outcome)) return classifyHttpOutcome(outcome, { service: TELEGRAM_SERVICE });
  const { response } = outcome;
  const answer = botApiAnswerOf(response.body);
  const success = response.status >= 200 && response.status < 300;
  if (success && answer?.ok === true) return null;

  const errorCode = typeof answer?.error_code === 'number' ? answer.error_code : response.status;
  const failure = classifyHttpOutcome(
    { response: { ...response, status: errorCode } },
    { service: TELEGRAM_SERVICE, now },
  );
  if (!failure || answer?.ok !== false) {
    // A 2xx that is not the Bot API's, or an error page: apiUrl may point at some other server.
    return (
      failure ??
      DeliveryError.permanent(
        `${TELEGRAM_SERVICE} answered HTTP ${response.status} without the Bot API's "ok": check the notifier apiUrl`,
        { providerCode: String(response.status) },
      )
    );
  }

  const waitFromBody = secondsToMs(answer.parameters?.retry_after);
  const description = typeof answer.description === 'string' ? answer.description : undefined;
  const message = description
    ? `${TELEGRAM_SERVICE} answered ${errorCode}: ${description.slice(0, 500)}${hintOf(errorCode, answer)}`
    : failure.message;
  return new DeliveryError(failure.code, message, {
    providerCode: String(errorCode),
    // The body's wait is Telegram's own; a Retry-After header may come from a proxy in between.
    retryAfterMs:
      failure.code === DeliveryErrorCode.RateLimited ? (waitFromBody ?? failure.retryAfterMs) : undefined,
  });
}

function botApiAnswerOf(body: string): BotApiAnswer | undefined {
  const parsed = jsonBodyOf<BotApiAnswer>(body);
  return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
}

function hintOf(errorCode: number, answer: BotApiAnswer): string {
  const migratedTo = answer.parameters?.migrate_to_chat_id;
  if (typeof migratedTo === 'number' || typeof migratedTo === 'string') {
    return `; the group is now the supergroup ${migratedTo}: update the chat id`;
  }
  if (errorCode === 401) return '; check the notifier botToken';
  return '';
}

function secondsToMs(seconds: unknown): number | undefined {
  return typeof seconds === 'number' && seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
}
