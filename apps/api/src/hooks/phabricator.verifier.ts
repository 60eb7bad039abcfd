import { constantTimeEqual, hmacSha256Hex, refused, VERIFIED, type Verification } from './hook-crypto.js';

/** Phabricator (and Phorge) send `X-Phabricator-Webhook-Signature`: the hex HMAC-SHA256 of the body. */
export function verifyPhabricatorSignature(
  secret: string,
  body: Buffer,
  signature: string | undefined,
): Verification {
  if (secret.length === 0) return refused('the hook source has no secret');
  if (!signature) return refused('the X-Phabricator-Webhook-Signature header is missing');
  return constantTimeEqual(signature.trim(), hmacSha256Hex(secret, body))
    ? VERIFIED
    : refused('the X-Phabricator-Webhook-Signature signature does not match the body');
}
