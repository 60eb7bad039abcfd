import { classifyHttpOutcome, DeliveryError, type HttpOutcome, jsonBodyOf } from '@herald/worker-kit';

/** The standard error body of the client-server API. */
interface MatrixErrorBody {
  errcode?: string;
  error?: string;
  retry_after_ms?: number;
}

const SERVICE = 'Matrix';

// A homeserver over its resource limits (monthly active users, disk) refuses with 403, yet the
// limit lifts without anyone touching the notifier.
const RETRYABLE_ERRCODES = new Set(['M_RESOURCE_LIMIT_EXCEEDED']);

/**
 * Sorts the outcome of one send: `null` when the homeserver took the event. 429
 * `M_LIMIT_EXCEEDED` waits for `Retry-After`, else (before Matrix 1.10) the body's
 * `retry_after_ms`; other 4xx errcodes (`M_UNKNOWN_TOKEN`,
 * `M_MISSING_TOKEN`, `M_FORBIDDEN`, `M_NOT_FOUND`, ...) are final; 5xx and the network are retried.
 * The errcode is the providerCode, as it says more than the status.
 */
export function classifyMatrixError(outcome: HttpOutcome, now?: number): DeliveryError | null {
  if ('error' in outcome) return classifyHttpOutcome(outcome, { service: SERVICE });
  const { response } = outcome;
  const body = jsonBodyOf<MatrixErrorBody>(response.body);
  const errcode = typeof body?.errcode === 'string' ? body.errcode : undefined;

  const base = classifyHttpOutcome(outcome, {
    service: SERVICE,
    now,
    retryAfterFromBody: () => retryAfterFromBodyOf(body),
  });
  if (!base || !errcode) return base;
  const options = { providerCode: errcode, retryAfterMs: base.retryAfterMs };
  if (RETRYABLE_ERRCODES.has(errcode)) return DeliveryError.retryable(base.message, options);
  return new DeliveryError(base.code, base.message, options);
}

function retryAfterFromBodyOf(body: MatrixErrorBody | undefined): number | undefined {
  const wait = body?.retry_after_ms;
  return typeof wait === 'number' && Number.isFinite(wait) && wait >= 0 ? Math.ceil(wait) : undefined;
}
