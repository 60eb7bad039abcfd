import { ApiError } from '../errors/api-error.js';

const MAX_LENGTH = 255;

/**
 * The event's idempotency key: the `Idempotency-Key` header or the `idempotencyKey` field. Both may be
 * sent, but must then agree: silently preferring one would hide a caller's bug.
 */
export function resolveIdempotencyKey(header: string | undefined, field: string | undefined): string | null {
  if (header === undefined) return field ?? null;
  const key = header.trim();
  if (key.length === 0 || key.length > MAX_LENGTH) {
    throw ApiError.invalid([
      { field: 'Idempotency-Key', messages: [`Idempotency-Key must be 1-${MAX_LENGTH} characters`] },
    ]);
  }
  if (field !== undefined && field !== key) {
    throw ApiError.invalid([
      { field: 'idempotencyKey', messages: ['idempotencyKey differs from the Idempotency-Key header'] },
    ]);
  }
  return key;
}
