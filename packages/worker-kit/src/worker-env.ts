import { Expose, Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { loadEnv, ServiceEnv } from '@herald/contracts';

/** Every channel worker's configuration; the only reader of process.env in a worker app. */
export class WorkerEnv extends ServiceEnv {
  /** Sends in flight at once per worker process. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  HERALD_CONCURRENCY = 20;

  /** A send still running after this is aborted and counts as a retryable failure. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  HERALD_DISPATCH_TIMEOUT_MS = 60_000;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  HERALD_BACKOFF_BASE_MS = 2000;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  HERALD_BACKOFF_CAP_MS = 300_000;

  /** Channel rate limit (max sends per duration); defaults to the channel registry's. */
  @Expose()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  HERALD_RATE_LIMIT_MAX?: number;

  @Expose()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  HERALD_RATE_LIMIT_DURATION_MS?: number;

  /** How many provider rate limits (429) one delivery may sit out before they start consuming attempts. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  HERALD_MAX_RATE_LIMIT_WAITS = 10;

  /** How long SIGTERM waits for in-flight sends before giving them back to the queue. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  HERALD_SHUTDOWN_TIMEOUT_MS = 30_000;

  /** Port of `/metrics` and `/health/live|ready` (0: none). One worker per host or pod; beside others, give each its own. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  HERALD_METRICS_PORT = 9465;

  static from(source: Record<string, string | undefined>): WorkerEnv {
    return loadEnv(WorkerEnv, source);
  }
}
