/**
 * The password of an `Authorization: Basic` header, or null when there is none to check (no header,
 * another scheme, not base64 of `user:password`, an empty password). The username is not returned:
 * the board takes any, since the API key alone says who is asking.
 */
export function basicPassword(authorization: string | undefined): string | null {
  const match = /^Basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(authorization ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return decoded.slice(colon + 1) || null;
}
