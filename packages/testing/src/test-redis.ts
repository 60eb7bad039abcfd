import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A queue prefix no other suite uses; `cleanup` deletes every key under it. */
export function freshQueuePrefix(): string {
  return `herald-test-${randomBytes(4).toString('hex')}`;
}

/** Fails loudly (never skips) when Redis is not reachable. */
export async function assertRedisReachable(url = TEST_REDIS_URL): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2000 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`Tests need Redis at ${url} (set TEST_REDIS_URL): ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    redis.disconnect();
  }
}

export async function deleteQueueKeys(prefix: string, url = TEST_REDIS_URL): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}
