import { isDatabaseUnavailable } from '@herald/data';
import { DeliveryError } from '@herald/worker-kit';

// SQLSTATE classes that describe the row itself (22 data exception, 23 integrity constraint
// violation): the same insert fails the same way every time.
const REFUSED_ROW = /^(22|23)/;
const FOREIGN_KEY_VIOLATION = '23503';

/**
 * An error of the inbox insert as a DeliveryError: Postgres away → retryable; a row Postgres
 * refuses (the user was deleted meanwhile, bad data) → permanent; anything else → retryable.
 */
export function classifyInAppError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = sqlStateOf(error);
  const options = { cause: error, ...(code ? { providerCode: code } : {}) };
  if (isDatabaseUnavailable(error)) {
    return DeliveryError.retryable(`inbox database unavailable: ${message}`, options);
  }
  if (code === FOREIGN_KEY_VIOLATION) {
    return DeliveryError.permanent(`the user no longer exists: ${message}`, options);
  }
  if (code && REFUSED_ROW.test(code)) {
    return DeliveryError.permanent(`Postgres refused the inbox item: ${message}`, options);
  }
  return DeliveryError.retryable(message, options);
}

/** The five-character SQLSTATE, on the error or on the driver error TypeORM wraps. */
function sqlStateOf(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code } = current as { code?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { driverError?: unknown }).driverError ?? (current as { cause?: unknown }).cause;
  }
  return undefined;
}
