export interface BackoffSettings {
  /** Delay before the first retry. */
  baseMs: number;
  /** No retry waits longer than this. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = { baseMs: 2000, capMs: 5 * 60_000 };

/**
 * Exponential backoff with "equal jitter": half the exponential delay is fixed, half random, so
 * retries of many deliveries that failed together spread out instead of arriving in a wave.
 * `attemptsMade` is 1 after the first failure.
 */
export function computeBackoffMs(
  attemptsMade: number,
  settings: BackoffSettings = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(settings.capMs, settings.baseMs * 2 ** Math.max(0, attemptsMade - 1));
  const half = exponential / 2;
  return Math.round(half + random() * half);
}

/** Name of the custom backoff strategy the workers register (BullMQ `settings.backoffStrategy`). */
export const HERALD_BACKOFF = 'herald';
