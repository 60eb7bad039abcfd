import { Injectable, Logger } from '@nestjs/common';
import { HeraldData, IDEMPOTENCY_KEY_TTL_MS } from '@herald/data';
import { RouterEnv } from '../config/router-env.js';

const PURGE_BATCH = 500;
const RELEASE_BATCH = 1000;
const EXPIRE_BATCH = 1000;

export interface RetentionReport {
  purged: number;
  released: number;
  /** In-app inbox items past their notifier's `ttlDays`. */
  expired: number;
}

/**
 * Keeps Postgres to what is still useful: completed notifications older than
 * HERALD_RETENTION_DAYS go (their deliveries and attempts with them), and idempotency keys older
 * than 24 hours are released, so the unique index stays small and the keys can be used again.
 * In-app inbox items past their expiry are deleted. Unfinished notifications are never purged.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly data: HeraldData,
    private readonly env: RouterEnv,
  ) {}

  async run(): Promise<RetentionReport> {
    const purged = await drain(PURGE_BATCH, (limit) =>
      this.data.upkeep.purgeCompleted(this.env.HERALD_RETENTION_DAYS, limit),
    );
    const released = await drain(RELEASE_BATCH, (limit) =>
      this.data.upkeep.releaseIdempotencyKeys(IDEMPOTENCY_KEY_TTL_MS, limit),
    );
    const expired = await drain(EXPIRE_BATCH, (limit) => this.data.inbox.deleteExpired(limit));
    if (purged > 0 || released > 0 || expired > 0) {
      this.logger.log(
        `purged ${purged} notification(s) completed over ${this.env.HERALD_RETENTION_DAYS} day(s) ago; ` +
          `released ${released} idempotency key(s); deleted ${expired} expired inbox item(s)`,
      );
    }
    return { purged, released, expired };
  }
}

/** Runs short batches until one comes back short: no long transaction, no lock held for long. */
async function drain(size: number, batch: (limit: number) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await batch(size);
    total += count;
    if (count < size) return total;
  }
}
