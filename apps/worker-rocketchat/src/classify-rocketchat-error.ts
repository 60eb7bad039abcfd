import {
  classifyHttpOutcome,
  DeliveryError,
  headerValue,
  type HttpOutcome,
  jsonBodyOf,
} from '@herald/worker-kit';

/** Rocket.Chat's failure body: `{success: false, error}`, with `errorType`/`details` for a Meteor error. */
interface RocketChatAnswer {
  success?: unknown;
  error?: unknown;
  errorType?: unknown;
  details?: { timeToReset?: unknown };
}

/**
 * Sorts the outcome of a Rocket.Chat webhook post: `null` for `{"success": true}`. Its rate limiter
 * answers 429 without Retry-After: the wait is the body's `details.timeToReset` (ms), else the
 * "You must wait N seconds" of its message, else the X-RateLimit-Reset header (an epoch time in ms).
 * `providerCode` is the error's code (`invalid-channel`, `error-too-many-requests`), else the status.
 */
export function classifyRocketChatError(
  outcome: HttpOutcome,
  now: number = Date.now(),
): DeliveryError | null {
  if (!('response' in outcome)) return classifyHttpOutcome(outcome, { service: 'Rocket.Chat' });
  const { status, headers, body } = outcome.response;
  const answer = jsonBodyOf<RocketChatAnswer>(body);
  const failure = classifyHttpOutcome(outcome, {
    service: 'Rocket.Chat',
    now,
    retryAfterFromBody: () =>
      waitFromAnswer(answer) ?? waitFromResetHeader(headerValue(headers, 'x-ratelimit-reset'), now),
  });
  if (failure === null && answer?.success !== false) return null;

  const reason = typeof answer?.error === 'string' ? answer.error : undefined;
  if (reason === undefined) return failure;
  const message = `Rocket.Chat answered HTTP ${status}: ${reason}`;
  const code =
    typeof answer?.errorType === 'string'
      ? answer.errorType
      : /^[\w-]+$/.test(reason)
        ? reason
        : String(status);
  // A 2xx saying success: false is a refusal the same request would meet again.
  if (failure === null) return DeliveryError.permanent(message, { providerCode: code });
  return new DeliveryError(failure.code, message, { providerCode: code, retryAfterMs: failure.retryAfterMs });
}

function waitFromAnswer(answer: RocketChatAnswer | undefined): number | undefined {
  const timeToReset = answer?.details?.timeToReset;
  if (typeof timeToReset === 'number' && timeToReset >= 0) return Math.ceil(timeToReset);
  const seconds =
    typeof answer?.error === 'string' ? /must wait (\d+) seconds/.exec(answer.error)?.[1] : undefined;
  return seconds === undefined ? undefined : Number(seconds) * 1000;
}

function waitFromResetHeader(value: string | undefined, now: number): number | undefined {
  const resetAt = value && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
  return resetAt === undefined ? undefined : Math.max(0, resetAt - now);
}
