import { constantTimeEqual, hmacSha256Hex, refused, VERIFIED, type Verification } from './hook-crypto.js';

/** How far a generic hook's timestamp may be from the clock, either way. */
export const GENERIC_REPLAY_WINDOW_SECONDS = 300;

const UNIX_SECONDS = /^\d{1,12}$/;

export interface GenericSignatureHeaders {
  /** `X-Herald-Timestamp`: unix seconds. */
  timestamp: string | undefined;
  /** `X-Herald-Signature`: `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`. */
  signature: string | undefined;
}

/**
 * Herald's own scheme (the Stripe one): the timestamp is signed with the body, so a captured
 * request cannot be replayed once it is older than the window, nor given a fresher timestamp.
 */
export function verifyGenericSignature(
  secret: string,
  body: Buffer,
  { timestamp, signature }: GenericSignatureHeaders,
  nowMs: number,
): Verification {
  if (secret.length === 0) return refused('the hook source has no secret');
  if (!timestamp || !UNIX_SECONDS.test(timestamp.trim())) {
    return refused('the X-Herald-Timestamp header must be unix seconds');
  }
  if (!signature) return refused('the X-Herald-Signature header is missing');
  const expected = `sha256=${hmacSha256Hex(secret, `${timestamp.trim()}.`, body)}`;
  if (!constantTimeEqual(signature.trim(), expected)) {
    return refused('the X-Herald-Signature signature does not match the timestamp and body');
  }
  const skew = Math.abs(nowMs / 1000 - Number(timestamp.trim()));
  return skew <= GENERIC_REPLAY_WINDOW_SECONDS
    ? VERIFIED
    : refused(`the X-Herald-Timestamp is more than ${GENERIC_REPLAY_WINDOW_SECONDS} seconds away from now`);
}
