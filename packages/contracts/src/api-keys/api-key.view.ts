import type { ApiScope } from './api-scope.enum.js';

/** An API key as the admin endpoints show it: never its secret, which only its hash stands for. */
export interface ApiKeyView {
  id: string;
  /** Also what a caller sends as `X-App-Id` beside the key as `X-App-Secret`. */
  name: string;
  scopes: ApiScope[];
  expiresAt: string | null;
  /** Events per minute this key may send; null: `HERALD_INGEST_RATE_LIMIT_PER_MINUTE`; 0: no limit. */
  rateLimitPerMinute: number | null;
  createdAt: string;
  revokedAt: string | null;
}

/** `POST /v1/admin/api-keys`: the only answer that carries the key itself. */
export interface CreatedApiKeyView extends ApiKeyView {
  key: string;
}
