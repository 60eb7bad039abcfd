import { ErrorCode } from '@herald/contracts';
import type { Redis } from 'ioredis';
import { ApiError } from '../errors/api-error.js';

// bullmq waits for a connection that never came up instead of failing; the caller must not wait with it.
const REDIS_TIMEOUT_MS = 2000;
// ioredis states in which Redis is known to be away: trying would only make the caller wait.
const REDIS_AWAY = new Set(['reconnecting', 'close', 'end', 'wait']);

/**
 * Runs queue work that needs Redis now, as a `503` when Redis is away or does not answer in time:
 * an outage, not the caller's mistake nor a bug. `unavailable` says what the caller should know
 * (e.g. that a change was stored and applies later). Other errors pass through.
 */
export async function withRedis<Value>(
  connection: Redis,
  work: () => Promise<Value>,
  unavailable = 'Redis is unavailable; retry later',
): Promise<Value> {
  if (REDIS_AWAY.has(connection.status)) throw new ApiError(ErrorCode.ServiceUnavailable, unavailable);
  let timer: NodeJS.Timeout | undefined;
  const pending = work();
  // A late rejection of abandoned work must not become an unhandled rejection.
  pending.catch(() => undefined);
  const timedOut = new Error(`no answer from Redis within ${REDIS_TIMEOUT_MS} ms`);
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut), REDIS_TIMEOUT_MS);
  });
  try {
    return await Promise.race([pending, timeout]);
  } catch (error) {
    if (error === timedOut || connection.status !== 'ready' || isConnectionError(error)) {
      throw new ApiError(ErrorCode.ServiceUnavailable, unavailable);
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

// What ioredis throws for a command it could not send or that got no answer.
function isConnectionError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return /Connection is closed|enableOfflineQueue|Command timed out|ECONNREFUSED|ECONNRESET|ETIMEDOUT/.test(
    message,
  );
}
