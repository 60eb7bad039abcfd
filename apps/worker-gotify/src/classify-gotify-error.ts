import { classifyHttpOutcome, DeliveryError, type HttpOutcome, jsonBodyOf } from '@herald/worker-kit';

/** Gotify's error body: `{"error":"Unauthorized","errorCode":401,"errorDescription":"..."}`. */
interface GotifyErrorBody {
  error?: string;
  errorCode?: number;
  errorDescription?: string;
}

/**
 * Sorts a Gotify answer: `null` for a 2xx. Gotify has no rate limiting of its own, so the
 * shared HTTP rules decide (401/403 bad token and 400 bad message are final, 5xx and a proxy's
 * 502/503 are retried); Gotify's description replaces the raw body in the message.
 */
export function classifyGotifyError(outcome: HttpOutcome, now?: number): DeliveryError | null {
  const failure = classifyHttpOutcome(outcome, { service: 'Gotify', now });
  if (!failure || !('response' in outcome)) return failure;
  const { status, body } = outcome.response;
  const error = jsonBodyOf<GotifyErrorBody>(body);
  if (typeof error?.error !== 'string') return failure;

  const description = error.errorDescription ? `: ${error.errorDescription}` : '';
  return new DeliveryError(failure.code, `Gotify answered HTTP ${status} ${error.error}${description}`, {
    providerCode: failure.providerCode,
    retryAfterMs: failure.retryAfterMs,
  });
}
