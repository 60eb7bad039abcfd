import { classifyHttpOutcome, DeliveryError, type HttpOutcome, jsonBodyOf } from '@herald/worker-kit';

/**
 * Sorts the outcome of `POST /api/annotations`: `null` when Grafana added it, otherwise the
 * DeliveryError. Grafana explains its errors in `{"message": "..."}`, quoted here; the shared
 * HTTP rules decide (401/403/404 and other 4xx final, 429 waits, 5xx retries). A 2xx without
 * Grafana's `{"id": ...}` answer came from something else at that URL (a proxy's login page,
 * a single-page app's fallback) and is final too: the annotation was not added.
 */
export function classifyGrafanaError(outcome: HttpOutcome, now?: number): DeliveryError | null {
  const error = classifyHttpOutcome(outcome, { service: 'Grafana', now });
  if (!('response' in outcome)) return error;
  const { status, body } = outcome.response;
  const document = jsonBodyOf<{ message?: unknown; id?: unknown }>(body);

  if (!error) {
    if (typeof document?.id === 'number') return null;
    return DeliveryError.permanent(
      `Grafana answered HTTP ${status} without an annotation id: is the notifier url Grafana's base URL?`,
      { providerCode: String(status) },
    );
  }
  if (typeof document?.message !== 'string' || document.message.length === 0) return error;
  return new DeliveryError(error.code, `Grafana answered HTTP ${status}: ${document.message}`, {
    providerCode: error.providerCode,
    retryAfterMs: error.retryAfterMs,
  });
}
