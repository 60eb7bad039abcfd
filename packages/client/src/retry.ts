import { HeraldApiError } from './herald-api-error.js';

export interface RetryOptions {
  /** Tries after the first one; 0 never retries. */
  retries: number;
  /** First wait; each next one doubles, up to `capMs`. */
  baseMs: number;
  capMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { retries: 3, baseMs: 200, capMs: 5000 };

/**
 * Runs `work` until it succeeds, fails for good, or the retries are spent. Only a retryable
 * HeraldApiError (503 / UNAVAILABLE / no answer) is retried: anything else would fail again.
 */
export async function withRetries<Value>(work: () => Promise<Value>, options: RetryOptions): Promise<Value> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof HeraldApiError && error.retryable) || attempt >= options.retries) throw error;
      await sleep(backoffMs(attempt, options));
    }
  }
}

/** Exponential and capped, with half of it random so that many callers do not retry in step. */
export function backoffMs(attempt: number, { baseMs, capMs }: RetryOptions): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
