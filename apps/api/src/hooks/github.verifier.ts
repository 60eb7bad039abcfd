import { constantTimeEqual, hmacSha256Hex, refused, VERIFIED, type Verification } from './hook-crypto.js';

/** GitHub signs the raw body: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 with the webhook secret>`. */
export function verifyGitHubSignature(
  secret: string,
  body: Buffer,
  signature: string | undefined,
): Verification {
  // An empty key would make the HMAC computable by anyone: never "verification off".
  if (secret.length === 0) return refused('the hook source has no secret');
  if (!signature) return refused('the X-Hub-Signature-256 header is missing');
  const expected = `sha256=${hmacSha256Hex(secret, body)}`;
  return constantTimeEqual(signature.trim(), expected)
    ? VERIFIED
    : refused('the X-Hub-Signature-256 signature does not match the body');
}
