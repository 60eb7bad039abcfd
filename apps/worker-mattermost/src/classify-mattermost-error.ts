import {
  classifyHttpOutcome,
  DeliveryError,
  DeliveryErrorCode,
  headerValue,
  type HttpOutcome,
  jsonBodyOf,
} from '@herald/worker-kit';

/** Mattermost's AppError, the JSON body of every error it answers. */
interface MattermostAppError {
  id?: unknown;
  message?: unknown;
  detailed_error?: unknown;
  request_id?: unknown;
  status_code?: unknown;
}

// A 5xx that no retry can fix: the administrator turned incoming webhooks off (HTTP 501).
const PERMANENT_IDS = new Set(['web.incoming_webhook.disabled.app_error']);

/**
 * Sorts the outcome of a Mattermost webhook post: `null` for its 200 `ok`. A 429 from Mattermost's
 * rate limiter carries Retry-After; behind a proxy that drops it, X-Ratelimit-Reset (seconds until
 * the limit resets) says how long to wait. Errors are AppError JSON: `providerCode` is its `id`
 * (`web.incoming_webhook.invalid.app_error`...), else the HTTP status.
 */
export function classifyMattermostError(outcome: HttpOutcome, now?: number): DeliveryError | null {
  const failure = classifyHttpOutcome(outcome, {
    service: 'Mattermost',
    now,
    retryAfterFromBody: () => ('response' in outcome ? resetAfterMs(outcome.response.headers) : undefined),
  });
  if (!failure || !('response' in outcome)) return failure;

  const { status, body } = outcome.response;
  const answer = jsonBodyOf<MattermostAppError>(body);
  if (typeof answer?.id !== 'string') return failure;
  const detail = [answer.message, answer.detailed_error].filter((part) => typeof part === 'string' && part);
  const message = `Mattermost answered HTTP ${status}: ${[answer.id, ...detail].join(': ')}`;
  const code = PERMANENT_IDS.has(answer.id) ? DeliveryErrorCode.Permanent : failure.code;
  return new DeliveryError(code, message, { providerCode: answer.id, retryAfterMs: failure.retryAfterMs });
}

function resetAfterMs(headers: Record<string, string | string[] | undefined>): number | undefined {
  const value = headerValue(headers, 'x-ratelimit-reset')?.trim();
  return value && /^\d+$/.test(value) ? Number(value) * 1000 : undefined;
}
