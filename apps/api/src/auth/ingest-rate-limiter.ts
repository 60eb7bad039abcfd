import { Inject, Injectable, Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { ApiEnv } from '../config/api-env.js';
import { REDIS_PRODUCER } from '../queue/queue.tokens.js';
import { decideRateLimit, type RateLimitDecision, rateLimitWindow } from './rate-limit-window.js';

// One round trip, atomic: the first request of a window also sets the window's expiry.
const COUNT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count`;

// The counter outlives its window a little, for replicas whose clocks run slightly behind.
const EXPIRY_SLACK_MS = 5_000;
// A limiter must not slow ingest down: past this, the request goes through uncounted.
const COUNT_TIMEOUT_MS = 500;
// ioredis states in which Redis is known to be away: trying would only make the caller wait.
const REDIS_AWAY = new Set(['reconnecting', 'close', 'end', 'wait']);

/**
 * Counts ingest requests per API key in fixed one-minute windows, in Redis so every API replica
 * shares the count (`<prefix>:ratelimit:<key id>:<window>`).
 */
@Injectable()
export class IngestRateLimiter {
  private readonly logger = new Logger('RateLimit');
  private failing = false;

  constructor(
    private readonly env: ApiEnv,
    @Inject(REDIS_PRODUCER) private readonly redis: Redis,
  ) {}

  /**
   * Counts one request of the key and decides on it. Null when Redis could not count it: the request
   * is then let through, since an event stored while Redis is away is still delivered (the outbox
   * relay enqueues it) and refusing it would lose it at the caller's end instead.
   */
  async take(keyId: string, limit: number, nowMs = Date.now()): Promise<RateLimitDecision | null> {
    const window = rateLimitWindow(nowMs);
    const key = `${this.env.queuePrefix}:ratelimit:${keyId}:${window.index}`;
    try {
      if (REDIS_AWAY.has(this.redis.status)) throw new Error(`Redis connection is ${this.redis.status}`);
      const count = await withTimeout(
        this.redis.eval(COUNT_SCRIPT, 1, key, window.remainingMs + EXPIRY_SLACK_MS) as Promise<number>,
        COUNT_TIMEOUT_MS,
      );
      if (this.failing) this.logger.log('Redis reachable again: ingest rate limits apply again');
      this.failing = false;
      return decideRateLimit(count, limit, window);
    } catch (error) {
      // Once per outage, not once per request.
      if (!this.failing) {
        this.logger.warn(
          `Ingest rate limits not enforced while Redis is unavailable: ${
            error instanceof Error ? error.message : String(error)
          }`,
        );
      }
      this.failing = true;
      return null;
    }
  }
}

function withTimeout<Value>(work: Promise<Value>, ms: number): Promise<Value> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis within ${ms} ms`)), ms);
  });
  // A late rejection of the abandoned count must not become an unhandled rejection.
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
