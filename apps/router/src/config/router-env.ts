import { Expose, Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { loadEnv, ServiceEnv } from '@herald/contracts';

/** The router's configuration; the only reader of process.env in this app. */
export class RouterEnv extends ServiceEnv {
  /** Tries per delivery, the first included. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  HERALD_MAX_ATTEMPTS = 5;

  /** Route jobs processed at once. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  HERALD_ROUTE_CONCURRENCY = 10;

  /** How often the outbox relay looks for notifications that never reached the route queue. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  HERALD_OUTBOX_INTERVAL_MS = 2000;

  /** How old an unenqueued notification must be before the relay takes it over from the API. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  HERALD_OUTBOX_GRACE_MS = 5000;

  /** How often the reconciler looks for deliveries the queues lost. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  HERALD_RECONCILE_INTERVAL_MS = 30_000;

  /**
   * How long a delivery may sit `pending`/`retrying` without a job, or `sending` past its lease,
   * before the reconciler re-enqueues it. Longer than BullMQ's stalled-job check (30 s), which
   * recovers a dead worker's jobs first.
   */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  HERALD_RECONCILE_GRACE_MS = 60_000;

  /** Completed notifications (with their deliveries and attempts) are deleted after this many days. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  HERALD_RETENTION_DAYS = 7;

  /** How often the retention purge runs. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  HERALD_RETENTION_INTERVAL_MS = 3_600_000;

  /** Port of `/metrics` and `/health/live|ready` (0: none). */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  HERALD_METRICS_PORT = 9464;

  static from(source: Record<string, string | undefined>): RouterEnv {
    return loadEnv(RouterEnv, source);
  }
}
