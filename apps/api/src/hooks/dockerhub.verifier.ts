import { constantTimeEqual, refused, VERIFIED, type Verification } from './hook-crypto.js';

/** Docker Hub cannot sign its hooks, so the secret is a token in the URL path the hook is sent to. */
export function verifyDockerHubToken(secret: string, token: string | undefined): Verification {
  if (secret.length === 0) return refused('the hook source has no secret');
  if (!token) return refused('Docker Hub hooks must be sent to /v1/hooks/dockerhub/<account>/<token>');
  return constantTimeEqual(token, secret) ? VERIFIED : refused('the token in the URL is not valid');
}
