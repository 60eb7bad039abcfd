import {
  classifyHttpOutcome,
  DeliveryError,
  DeliveryErrorCode,
  type HttpOutcome,
  jsonBodyOf,
} from '@herald/worker-kit';

/**
 * PagerDuty sends no Retry-After with its 429 and advises retrying about 30 seconds apart; its
 * limit is counted over a sliding minute, so a one-second default would only burn more calls.
 */
export const PAGERDUTY_RATE_LIMIT_WAIT_MS = 30_000;

interface PagerDutyErrorBody {
  status?: unknown;
  message?: unknown;
  errors?: unknown;
}

/**
 * Sorts the outcome of an Events API v2 call: `null` for the 202, otherwise the DeliveryError.
 * 400 (`invalid event`) is final and names PagerDuty's own reasons; 429 waits
 * PAGERDUTY_RATE_LIMIT_WAIT_MS unless a Retry-After says otherwise; 5xx and network errors retry.
 */
export function classifyPagerDutyError(outcome: HttpOutcome, now?: number): DeliveryError | null {
  const error = classifyHttpOutcome(outcome, {
    service: 'PagerDuty',
    now,
    retryAfterFromBody: () => PAGERDUTY_RATE_LIMIT_WAIT_MS,
  });
  if (!error || error.code !== DeliveryErrorCode.Permanent || !('response' in outcome)) return error;

  const body = jsonBodyOf<PagerDutyErrorBody>(outcome.response.body);
  const reasons = Array.isArray(body?.errors) ? body.errors.map(String) : [];
  if (typeof body?.message !== 'string' && reasons.length === 0) return error;
  const detail = [body?.status, body?.message].filter((part) => typeof part === 'string').join(': ');
  return DeliveryError.permanent(
    `PagerDuty answered HTTP ${outcome.response.status}: ${detail}${reasons.length ? ` (${reasons.join('; ')})` : ''}`,
    { providerCode: error.providerCode },
  );
}
