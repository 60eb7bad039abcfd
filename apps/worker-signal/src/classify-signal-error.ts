import { classifyHttpOutcome, DeliveryError, type HttpOutcome, jsonBodyOf } from '@herald/worker-kit';

/**
 * signal-cli-rest-api answers every failed send with 400 `{"error": "..."}` (429 since it
 * learned rate limits), whatever signal-cli said; the text is all there is to sort on.
 */
const RATE_LIMITED = /rate.?limit|proof required|\[429\]/i;
/** signal-cli could not reach Signal's servers: worth trying again. */
const NETWORK_FAILURE = /network failure|unable to connect|timed? ?out|connection (reset|closed|refused)/i;
/** Signal's CAPTCHA challenge says how long to wait: `or wait "86400" seconds`. */
const WAIT_SECONDS = /wait "?(\d+)"? seconds/i;

/**
 * Without a wait in the answer: Signal lifts a rate limit after minutes, not seconds, and a
 * short pause would only use up the channel's allowed rate-limit waits.
 */
export const DEFAULT_SIGNAL_RATE_LIMIT_WAIT_MS = 60_000;
/** The whole channel waits; a day-long CAPTCHA wait is not held for, it ends as a failure. */
export const MAX_SIGNAL_RATE_LIMIT_WAIT_MS = 15 * 60_000;

/**
 * Sorts a signal-cli-rest-api answer: `null` for a 2xx (201 with the message timestamp).
 * Rate limits (429, or a 400 saying so) wait; network failures between signal-cli and Signal are
 * retried; the rest of the 400s (unregistered recipient or sender, untrusted identity, bad
 * group) are final, as are 401/403 from a proxy; 5xx is retried.
 */
export function classifySignalError(outcome: HttpOutcome, now?: number): DeliveryError | null {
  const failure = classifyHttpOutcome(outcome, { service: 'signal-cli-rest-api', now });
  if (!failure || !('response' in outcome)) return failure;
  const { status, body } = outcome.response;
  const error = jsonBodyOf<{ error?: unknown }>(body)?.error;
  if (typeof error !== 'string') return failure;

  const providerCode = String(status);
  const message = `signal-cli-rest-api answered HTTP ${status}: ${error.replace(/\s+/g, ' ').trim()}`;
  if (status === 429 || (status === 400 && RATE_LIMITED.test(error))) {
    const seconds = WAIT_SECONDS.exec(error)?.[1];
    const waitMs = seconds ? Number(seconds) * 1000 : DEFAULT_SIGNAL_RATE_LIMIT_WAIT_MS;
    return DeliveryError.rateLimited(message, {
      providerCode,
      retryAfterMs: Math.min(waitMs, MAX_SIGNAL_RATE_LIMIT_WAIT_MS),
    });
  }
  if (status === 400 && NETWORK_FAILURE.test(error))
    return DeliveryError.retryable(message, { providerCode });
  return new DeliveryError(failure.code, message, { providerCode });
}
