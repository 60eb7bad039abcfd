import { createHash } from 'node:crypto';
import type { CreateEventDto } from '@herald/contracts';

/**
 * SHA-256 of the canonical request: the validated body without its idempotency key, as JSON with
 * sorted keys. A retry sent with the same key matches it whether the key came as the header or the
 * field, and whatever order the caller's JSON encoder wrote the keys in.
 */
export function requestHash(event: CreateEventDto): string {
  return createHash('sha256')
    .update(canonicalJson({ ...event, idempotencyKey: undefined }))
    .digest('hex');
}

/** JSON with object keys sorted at every depth; undefined members are left out, as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
