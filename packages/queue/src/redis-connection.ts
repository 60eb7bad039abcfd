import { Redis, type RedisOptions } from 'ioredis';

export type RedisRole = 'worker' | 'producer';

/**
 * Workers block on Redis and must ride out restarts: `maxRetriesPerRequest: null` (BullMQ requires it).
 * Producers (the API) fail fast instead, so a request never hangs on a dead Redis: the outbox covers it.
 */
export function createRedisConnection(url: string, role: RedisRole, extra: RedisOptions = {}): Redis {
  const options: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : {
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          connectTimeout: 2000,
          commandTimeout: 2000,
        };
  const connection = new Redis(url, { lazyConnect: false, ...options, ...extra });
  // Without a listener ioredis prints every reconnect failure as an unhandled error event.
  connection.on('error', () => undefined);
  return connection;
}

/**
 * BullMQ may lose jobs if Redis evicts keys under memory pressure. Returns a warning to log, or null.
 */
export async function checkEvictionPolicy(connection: Redis): Promise<string | null> {
  try {
    const reply = (await connection.config('GET', 'maxmemory-policy')) as string[];
    const policy = reply[1];
    if (policy && policy !== 'noeviction') {
      return `Redis maxmemory-policy is "${policy}"; set it to "noeviction" or queued jobs may be evicted and lost`;
    }
    return null;
  } catch {
    // Managed Redis often forbids CONFIG; nothing to check then.
    return null;
  }
}

/** ioredis options from a redis:// or rediss:// URL, for libraries that take options rather than a URL. */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.replace(/^\//, '');
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}
