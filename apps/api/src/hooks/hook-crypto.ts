import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Why a hook was refused, or nothing when it is authentic. */
export type Verification = { verified: true } | { verified: false; reason: string };

export const VERIFIED: Verification = { verified: true };

export function refused(reason: string): Verification {
  return { verified: false, reason };
}

export function hmacSha256Hex(key: string, ...parts: (Buffer | string)[]): string {
  const hmac = createHmac('sha256', key);
  for (const part of parts) hmac.update(part);
  return hmac.digest('hex');
}

export function sha256Hex(...parts: (Buffer | string)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

/**
 * Equality in constant time for strings of any length: both sides are hashed first, so the time
 * taken tells an attacker neither how long the expected value is nor how much of it they got right.
 */
export function constantTimeEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
