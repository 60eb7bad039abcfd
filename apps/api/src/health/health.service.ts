import { Inject, Injectable } from '@nestjs/common';
import { HeraldData } from '@herald/data';
import { Redis } from 'ioredis';
import { REDIS_PRODUCER } from '../queue/queue.tokens.js';

export type CheckState = 'up' | 'down';

export interface Readiness {
  status: 'ok' | 'unavailable';
  checks: { postgres: CheckState; redis: CheckState };
}

// Probes answer within a load balancer's usual timeout even when a dependency hangs rather than refuses.
const PROBE_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    private readonly data: HeraldData,
    @Inject(REDIS_PRODUCER) private readonly redis: Redis,
  ) {}

  /**
   * Ready when both Postgres and Redis answer. Accepting events survives a Redis outage (the outbox),
   * but a replica that cannot enqueue should still leave the rotation if another one can.
   */
  async readiness(): Promise<Readiness> {
    const [postgres, redis] = await Promise.all([
      probe(() => this.data.ping()),
      probe(() => this.redis.ping()),
    ]);
    return {
      status: postgres === 'up' && redis === 'up' ? 'ok' : 'unavailable',
      checks: { postgres, redis },
    };
  }
}

async function probe(check: () => Promise<unknown>): Promise<CheckState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckState>((resolve) => {
    timer = setTimeout(() => resolve('down'), PROBE_TIMEOUT_MS);
  });
  const result = check().then(
    (): CheckState => 'up',
    (): CheckState => 'down',
  );
  return Promise.race([result, timeout]).finally(() => clearTimeout(timer));
}
