import { classifyHttpOutcome, type DeliveryError, type HttpOutcome } from '@herald/worker-kit';

/**
 * Sorts the outcome of a webhook attempt: `null` for a 2xx, otherwise the DeliveryError that
 * decides what happens next. A webhook receiver speaks plain HTTP, so the shared HTTP rules apply
 * as they are (429 + Retry-After, 408/425/5xx retried, redirects not followed, other 4xx final).
 */
export function classifyWebhookError(outcome: HttpOutcome, now?: number): DeliveryError | null {
  return classifyHttpOutcome(outcome, { service: 'webhook', now });
}
