import {
  classifyHttpOutcome,
  DeliveryError,
  DeliveryErrorCode,
  headerValue,
  type HttpOutcome,
  type HttpResponse,
  jsonBodyOf,
} from '@herald/worker-kit';

/** Pushover's answer: `status: 1` on success; otherwise `errors` names what was refused. */
interface PushoverAnswer {
  status?: number;
  request?: string;
  errors?: unknown;
}

/**
 * A 429 means the application's monthly quota is spent until `X-Limit-App-Reset`, which can be
 * weeks away. The wait holds the whole channel back, notifiers with other tokens included, so it
 * is capped: the runtime's bounded rate-limit waits then turn it into an ordinary failure.
 */
export const MAX_QUOTA_WAIT_MS = 15 * 60_000;

/**
 * Sorts a Pushover answer: `null` when accepted. Pushover answers 4xx (with `errors`) for
 * anything it will never accept as sent, 429 once the monthly quota is used and 5xx when it is
 * in trouble; a 2xx whose JSON says `status: 0` is a refusal too.
 */
export function classifyPushoverError(outcome: HttpOutcome, now: number = Date.now()): DeliveryError | null {
  const failure = classifyHttpOutcome(outcome, { service: 'Pushover', now });
  if (!('response' in outcome)) return failure;
  const { response } = outcome;
  const answer = jsonBodyOf<PushoverAnswer>(response.body);
  const providerCode = String(response.status);

  if (!failure) {
    if (answer?.status !== 0) return null;
    return DeliveryError.permanent(describe(response, answer) ?? 'Pushover refused the message', {
      providerCode,
    });
  }
  const message = describe(response, answer) ?? failure.message;
  if (failure.code === DeliveryErrorCode.RateLimited) {
    const retryAfterMs = quotaWaitMs(response, now) ?? failure.retryAfterMs ?? 0;
    return DeliveryError.rateLimited(message, {
      providerCode,
      retryAfterMs: Math.min(retryAfterMs, MAX_QUOTA_WAIT_MS),
    });
  }
  return new DeliveryError(failure.code, message, { providerCode });
}

/** "Pushover answered HTTP 400: user identifier is invalid (request 5042853c-...)". */
function describe(response: HttpResponse, answer: PushoverAnswer | undefined): string | undefined {
  const errors = Array.isArray(answer?.errors) ? answer.errors.map(String).join('; ') : '';
  if (!errors) return undefined;
  const request = typeof answer?.request === 'string' ? ` (request ${answer.request})` : '';
  return `Pushover answered HTTP ${response.status}: ${errors}${request}`;
}

/** Until the quota resets (`X-Limit-App-Reset`, Unix seconds), unless a Retry-After says otherwise. */
function quotaWaitMs(response: HttpResponse, now: number): number | undefined {
  if (headerValue(response.headers, 'retry-after') !== undefined) return undefined;
  const reset = Number(headerValue(response.headers, 'x-limit-app-reset'));
  return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - now) : undefined;
}
