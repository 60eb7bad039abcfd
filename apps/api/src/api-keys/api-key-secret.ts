import { randomBytes } from 'node:crypto';

/** Marks Herald keys, so secret scanners and people can tell one from other tokens. */
export const API_KEY_PREFIX = 'hk_';

/** A new key: 256 random bits, base64url, behind the prefix. */
export function generateApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}
