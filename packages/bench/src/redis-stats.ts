import { Redis } from 'ioredis';
import { TEST_REDIS_URL } from '@herald/testing';

/** One field of INFO's `key:value` lines, as a number (NaN when absent). */
export function infoField(info: string, field: string): number {
  return Number(new RegExp(`^${field}:(\\S+)`, 'm').exec(info)?.[1] ?? NaN);
}

export interface RedisReading {
  usedMemoryMb: number;
  prefixKeys: number;
}

/** Redis as the benchmark sees it: the server's memory and how many keys a queue prefix holds. */
export class RedisStats {
  private readonly redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });

  async read(prefix: string): Promise<RedisReading> {
    const info = await this.redis.info('memory');
    let prefixKeys = 0;
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      prefixKeys += keys.length;
      cursor = next;
    } while (cursor !== '0');
    return { usedMemoryMb: Math.round((infoField(info, 'used_memory') / 1024 / 1024) * 10) / 10, prefixKeys };
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
