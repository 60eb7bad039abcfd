import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { CHANNEL_REGISTRY, deliverQueueName, type FailoverJobPayload, QueueName } from '@herald/contracts';
import { HeraldData } from '@herald/data';
import { OpsServer } from '@herald/observability';
import {
  checkEvictionPolicy,
  computeBackoffMs,
  createQueue,
  createRedisConnection,
  queueKeyPrefix,
} from '@herald/queue';
import type { ChannelAdapter } from './channel-adapter.js';
import { DeliveryProcessor } from './delivery-processor.js';
import { DeliveryMetrics } from './metrics/delivery-metrics.js';
import { WorkerEnv } from './worker-env.js';

export const CHANNEL_ADAPTER = Symbol('CHANNEL_ADAPTER');

/** How much longer than the dispatch timeout BullMQ's lock on a deliver job lasts. */
const LOCK_HEADROOM_MS = 30_000;
/**
 * The delivery's lease ends this long before the job's lock would. When a worker dies mid-send, its
 * lock lapses, BullMQ's stalled-job check puts the job back and the re-run must find the lease over
 * to claim the delivery. The lock is taken a moment before the claim writes the lease, so a lease
 * as long as the lock would outlive it by those milliseconds, and a re-run landing in them would be
 * a no-op (left to the router's reconciler). A live worker finishes within the dispatch timeout,
 * well inside the lease.
 */
const LEASE_BEFORE_LOCK_MS = 5_000;

/** Tries of a failover job in the router; past them the reconciler asks again. */
const FAILOVER_JOB_ATTEMPTS = 5;

/** Owns the BullMQ worker of one channel's queue: starts it on boot, drains it on shutdown. */
@Injectable()
export class ChannelWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ChannelWorker');
  private worker?: Worker;
  private connection?: Redis;
  private producer?: Redis;
  private failovers?: Queue<FailoverJobPayload>;
  private ops?: OpsServer;
  readonly metrics: DeliveryMetrics;

  constructor(
    @Inject(CHANNEL_ADAPTER) private readonly adapter: ChannelAdapter,
    private readonly data: HeraldData,
    private readonly env: WorkerEnv,
  ) {
    this.metrics = new DeliveryMetrics(adapter.channel);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.adapter.init?.({ data: this.data, env: this.env });
    const queueName = deliverQueueName(this.adapter.channel);
    const limit = CHANNEL_REGISTRY[this.adapter.channel].defaultRateLimit;
    this.connection = createRedisConnection(this.env.REDIS_URL, 'worker');
    const warning = await checkEvictionPolicy(this.connection);
    if (warning) this.logger.warn(warning);

    // The lock must outlive the longest send, or BullMQ would hand the job to another worker mid-send.
    const lockDuration = this.env.HERALD_DISPATCH_TIMEOUT_MS + LOCK_HEADROOM_MS;
    const processor = new DeliveryProcessor(this.data, this.adapter, {
      dispatchTimeoutMs: this.env.HERALD_DISPATCH_TIMEOUT_MS,
      leaseMs: lockDuration - LEASE_BEFORE_LOCK_MS,
      maxRateLimitWaits: this.env.HERALD_MAX_RATE_LIMIT_WAITS,
      pauseChannel: async (ms) => this.worker?.rateLimit(ms),
      rateLimitSignal: () => Worker.RateLimitError(),
      requestFailover: (deliveryId) => this.requestFailover(deliveryId),
      metrics: this.metrics,
    });
    const worker = new Worker(queueName, (job) => processor.process(job), {
      connection: this.connection,
      prefix: queueKeyPrefix(this.env.HERALD_QUEUE_PREFIX, queueName),
      concurrency: this.env.HERALD_CONCURRENCY,
      lockDuration,
      // BullMQ's defaults, spelt out because recovery relies on them: stalled jobs are looked for
      // every 30 s, and a job that stalls twice fails in BullMQ; the router's reconciler then
      // re-enqueues its delivery, which is still open in Postgres.
      stalledInterval: 30_000,
      maxStalledCount: 1,
      limiter: {
        max: this.env.HERALD_RATE_LIMIT_MAX ?? limit.max,
        duration: this.env.HERALD_RATE_LIMIT_DURATION_MS ?? limit.durationMs,
      },
      settings: {
        backoffStrategy: (attemptsMade: number) =>
          computeBackoffMs(attemptsMade, {
            baseMs: this.env.HERALD_BACKOFF_BASE_MS,
            capMs: this.env.HERALD_BACKOFF_CAP_MS,
          }),
      },
    });
    worker.on('error', (error) => this.logger.error(`worker error: ${error.message}`));
    this.worker = worker;
    await worker.waitUntilReady();
    this.logger.log(`consuming ${queueName} (concurrency ${this.env.HERALD_CONCURRENCY})`);
  }

  /** Stops taking jobs and waits for in-flight sends; past the deadline their locks lapse and BullMQ re-runs them. */
  async onApplicationShutdown(): Promise<void> {
    if (this.worker) {
      const closing = this.worker.close();
      const deadline = new Promise<'timeout'>((resolve) =>
        setTimeout(() => resolve('timeout'), this.env.HERALD_SHUTDOWN_TIMEOUT_MS).unref(),
      );
      if ((await Promise.race([closing, deadline])) === 'timeout') {
        this.logger.warn('shutdown deadline passed with sends in flight; they will be retried');
        await this.worker.close(true);
      }
    }
    await this.adapter.close?.();
    await this.failovers?.close();
    this.producer?.disconnect();
    this.connection?.disconnect();
    await this.ops?.close();
  }

  /**
   * Serves `/metrics` and `/health/*` on `port` (0: not at all) until shutdown. Ready while Postgres
   * and Redis answer and the worker consumes; a draining worker is no longer ready.
   */
  async serveOps(port: number): Promise<number | null> {
    this.ops = new OpsServer({
      app: `worker-${this.adapter.channel}`,
      metrics: this.metrics.app,
      readiness: {
        postgres: () => this.data.ping(),
        redis: () => this.connection?.ping() ?? false,
        consuming: () => this.worker?.isRunning() === true,
      },
    });
    return this.ops.listen(port);
  }

  /** The failover queue's producer, made on first use: most workers never fail over. */
  private async requestFailover(deliveryId: string): Promise<void> {
    this.producer ??= createRedisConnection(this.env.REDIS_URL, 'producer');
    this.failovers ??= createQueue(QueueName.Failover, this.producer, this.env.HERALD_QUEUE_PREFIX, {
      attempts: FAILOVER_JOB_ATTEMPTS,
    }) as Queue<FailoverJobPayload>;
    await this.failovers.add('failover', { deliveryId }, { jobId: `failover-${deliveryId}` });
  }
}
