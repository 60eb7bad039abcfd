import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ErrorCode } from '@herald/contracts';
import { ApiError } from '../errors/api-error.js';
import { ApiScope } from './api-scope.enum.js';

export interface ApiKeyCredentials {
  key: string;
  /** Set when the caller used X-App-Id + X-App-Secret: it must equal the key's name. */
  appId: string | null;
}

/**
 * Reads `Authorization: Bearer <key>`, or `X-App-Id` + `X-App-Secret` (the secret is the key) for
 * callers built for that pair. Throws a 401 ApiError when neither is usable.
 */
export function parseApiKeyCredentials(headers: IncomingHttpHeaders): ApiKeyCredentials {
  const authorization = headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer +(\S+) *$/i.exec(authorization);
    if (!match) throw unauthorized('The Authorization header must be "Bearer <api key>"');
    return { key: match[1]!, appId: null };
  }
  const appId = single(headers['x-app-id']);
  const secret = single(headers['x-app-secret']);
  if (appId || secret) {
    if (!appId || !secret) throw unauthorized('X-App-Id and X-App-Secret must be sent together');
    return { key: secret, appId };
  }
  throw unauthorized('An API key is required: send "Authorization: Bearer <api key>"');
}

/** Keys are stored as their SHA-256: a leaked table gives no usable key. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function hasScope(scopes: readonly string[], required: ApiScope): boolean {
  return scopes.includes(ApiScope.Admin) || scopes.includes(required);
}

export function unauthorized(message: string): ApiError {
  return new ApiError(ErrorCode.Unauthorized, message);
}

function single(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.trim() || undefined;
}
