/** Ingest limits count per fixed window of one minute. */
export const RATE_LIMIT_WINDOW_MS = 60_000;

/** Where a moment falls: the window's number (its key in Redis) and the time left in it. */
export interface RateLimitWindow {
  index: number;
  remainingMs: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  /** Requests still allowed in this window after this one. */
  remaining: number;
  /** Whole seconds until the window frees, never 0: a client told to wait 0 s retries at once. */
  resetSeconds: number;
}

export function rateLimitWindow(nowMs: number): RateLimitWindow {
  const index = Math.floor(nowMs / RATE_LIMIT_WINDOW_MS);
  return { index, remainingMs: (index + 1) * RATE_LIMIT_WINDOW_MS - nowMs };
}

/** `count` is this request's number in its window, itself included. */
export function decideRateLimit(count: number, limit: number, window: RateLimitWindow): RateLimitDecision {
  return {
    allowed: count <= limit,
    limit,
    remaining: Math.max(0, limit - count),
    resetSeconds: Math.max(1, Math.ceil(window.remainingMs / 1000)),
  };
}

/**
 * The headers of every answer of a limited route (the IETF RateLimit fields draft, as GitHub and
 * others send them), with `Retry-After` on a refusal.
 */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  return {
    'RateLimit-Limit': String(decision.limit),
    'RateLimit-Remaining': String(decision.remaining),
    'RateLimit-Reset': String(decision.resetSeconds),
    ...(decision.allowed ? {} : { 'Retry-After': String(decision.resetSeconds) }),
  };
}
