import { classifyHttpOutcome, DeliveryError, type HttpOutcome, jsonBodyOf } from '@herald/worker-kit';

export const DISCORD_SERVICE = 'Discord';

/** Discord's JSON error body (rate limits add `retry_after` and `global`). */
interface DiscordErrorBody {
  code?: unknown;
  message?: unknown;
  errors?: unknown;
  retry_after?: unknown;
  global?: unknown;
}

// Unknown Webhook (10015) and Invalid Webhook Token (50027): the webhook was deleted or reset.
const WEBHOOK_GONE = new Set([10015, 50027]);

/**
 * Sorts the outcome of executing a Discord webhook: `null` for a 2xx, otherwise the DeliveryError
 * deciding what happens next. The shared HTTP rules apply; this waits out a 429 for the body's
 * `retry_after` (fractional seconds, finer than the rounded Retry-After header) and words the
 * message from Discord's `{code, message, errors}`.
 */
export function classifyDiscordError(outcome: HttpOutcome, now?: number): DeliveryError | null {
  const failure = classifyHttpOutcome(outcome, { service: DISCORD_SERVICE, now });
  if (!failure || !('response' in outcome)) return failure;
  const { status, body } = outcome.response;
  const error = jsonBodyOf<DiscordErrorBody>(body);
  if (typeof error !== 'object' || error === null) return failure;

  const detail = describe(error);
  const retryAfterMs =
    status === 429 && typeof error.retry_after === 'number' && error.retry_after >= 0
      ? Math.ceil(error.retry_after * 1000)
      : failure.retryAfterMs;
  const message = detail ? `${DISCORD_SERVICE} answered HTTP ${status}: ${detail}` : failure.message;
  return new DeliveryError(failure.code, message, { providerCode: failure.providerCode, retryAfterMs });
}

function describe(error: DiscordErrorBody): string | undefined {
  if (typeof error.message !== 'string') return undefined;
  const code = typeof error.code === 'number' ? error.code : undefined;
  const parts = [code === undefined ? error.message : `${error.message} (code ${code})`];
  if (error.global === true) parts.push('global rate limit');
  const fields = fieldErrorsOf(error.errors);
  if (fields.length > 0) parts.push(fields.join('; '));
  if (code !== undefined && WEBHOOK_GONE.has(code))
    parts.push('the webhook was deleted or its token reset: update the notifier webhookUrl');
  return parts.join('; ').slice(0, 1000);
}

/**
 * Discord nests field errors as the request's shape: `{embeds: {0: {description: {_errors:
 * [{code, message}]}}}}` becomes `embeds.0.description: Must be 4096 or fewer in length.`
 */
function fieldErrorsOf(errors: unknown, path: string[] = []): string[] {
  if (typeof errors !== 'object' || errors === null) return [];
  return Object.entries(errors).flatMap(([key, value]) => {
    if (key !== '_errors') return fieldErrorsOf(value, [...path, key]);
    const messages = Array.isArray(value)
      ? value.map((entry: { message?: unknown }) => entry?.message).filter((text) => typeof text === 'string')
      : [];
    return messages.length > 0 ? [`${path.join('.') || 'body'}: ${messages.join(', ')}`] : [];
  });
}
