import {
  classifyHttpOutcome,
  DeliveryError,
  DeliveryErrorCode,
  type HttpOutcome,
  jsonBodyOf,
} from '@herald/worker-kit';

/** ntfy's error body: `{"code":40301,"http":403,"error":"forbidden","link":"https://ntfy.sh/docs/..."}`. */
interface NtfyErrorBody {
  code?: number;
  http?: number;
  error?: string;
  link?: string;
}

/**
 * 429s that no wait fixes soon: 42908 is the daily message quota (ntfy.sh resets it at
 * midnight UTC) and 42904 the server's topic limit. Pausing the channel a second for them only
 * burns the allowed waits, so they are retried with backoff until the attempts run out.
 */
const QUOTA_CODES = new Set([42904, 42908]);

/**
 * Sorts an ntfy answer: `null` for a 2xx. ntfy's errors carry a five-digit code (HTTP status
 * and a number), kept as `providerCode`; 42901 (too many requests) waits, 401/403 and the 400s
 * (bad topic, bad actions) are final, 5xx is retried.
 */
export function classifyNtfyError(outcome: HttpOutcome, now?: number): DeliveryError | null {
  const failure = classifyHttpOutcome(outcome, { service: 'ntfy', now });
  if (!failure || !('response' in outcome)) return failure;
  const { response } = outcome;
  const body = jsonBodyOf<NtfyErrorBody>(response.body);
  if (typeof body?.code !== 'number') return failure;

  const providerCode = String(body.code);
  const message = `ntfy answered HTTP ${response.status} (${body.code}): ${body.error ?? 'error'}${
    body.link ? `, see ${body.link}` : ''
  }`;
  if (QUOTA_CODES.has(body.code)) return DeliveryError.retryable(message, { providerCode });
  if (failure.code === DeliveryErrorCode.RateLimited) {
    return DeliveryError.rateLimited(message, { providerCode, retryAfterMs: failure.retryAfterMs });
  }
  return new DeliveryError(failure.code, message, { providerCode });
}
