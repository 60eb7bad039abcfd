import { createHash } from 'node:crypto';
import type { FeishuConfigDto } from '@herald/contracts';
import { DeliveryError, type HttpSender, jsonBodyOf } from '@herald/worker-kit';
import { buildFeishuTokenRequest } from './build-feishu-payload.js';
import { classifyFeishuError } from './classify-feishu-error.js';

interface CachedToken {
  token: string;
  /** Epoch ms after which the token is fetched again. */
  refreshAt: number;
}

interface TokenAnswer {
  tenant_access_token?: unknown;
  expire?: unknown;
}

// A token lives two hours; fetching it again in its last half hour gives a new one, so asking a
// few minutes early never sends with a token about to lapse.
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * The tenant_access_token of each app, shared by every notifier of that app and fetched once for
 * concurrent deliveries. Keyed by API base, app id and a digest of the secret, so a rotated secret
 * is used at once.
 */
export class TenantTokenCache {
  private readonly tokens = new Map<string, Promise<CachedToken>>();

  constructor(
    private readonly http: HttpSender,
    private readonly now: () => number = Date.now,
  ) {}

  async get(config: FeishuConfigDto, signal: AbortSignal): Promise<string> {
    const key = keyOf(config);
    const cached = this.tokens.get(key);
    if (cached) {
      const entry = await cached.catch(() => undefined);
      if (entry && entry.refreshAt > this.now()) return entry.token;
      if (this.tokens.get(key) !== cached) return this.get(config, signal);
    }
    const fetching = this.fetch(config, signal);
    this.tokens.set(key, fetching);
    // A failed fetch is not kept: the next delivery asks again.
    fetching.catch(() => {
      if (this.tokens.get(key) === fetching) this.tokens.delete(key);
    });
    return (await fetching).token;
  }

  /** Forgets the app's token after Feishu called it invalid (revoked, or the secret was reset). */
  invalidate(config: FeishuConfigDto): void {
    this.tokens.delete(keyOf(config));
  }

  private async fetch(config: FeishuConfigDto, signal: AbortSignal): Promise<CachedToken> {
    const { url, body } = buildFeishuTokenRequest(config);
    const response = await this.http.postJson(url, body, signal, {
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    const failure = classifyFeishuError({ response });
    if (failure) throw failure;
    const answer = jsonBodyOf<TokenAnswer>(response.body);
    const token = answer?.tenant_access_token;
    if (typeof token !== 'string' || !token) {
      throw DeliveryError.retryable('Feishu answered the token request without a tenant_access_token');
    }
    const lifetimeMs = (typeof answer?.expire === 'number' ? answer.expire : 0) * 1000;
    return { token, refreshAt: this.now() + Math.max(0, lifetimeMs - REFRESH_MARGIN_MS) };
  }
}

function keyOf(config: FeishuConfigDto): string {
  const secret = createHash('sha256')
    .update(config.appSecret ?? '')
    .digest('hex');
  return `${config.apiUrl ?? ''} ${config.appId ?? ''} ${secret}`;
}
