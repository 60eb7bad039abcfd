import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { CHANNEL_NAMES, type PauseFlags, QueueName } from '@herald/contracts';
import { HeraldData, type NewDelivery } from '@herald/data';
import { AppMetrics, cachedFor, type Gauge } from '@herald/observability';
import { DeliveryQueues } from '../queues/delivery-queues.service.js';

/** Scrapes within this share one look at Redis and Postgres: 26 queues are 26 round trips. */
const SCRAPE_CACHE_MS = 5000;
/** A scrape while Redis is away answers without the queue gauges rather than hanging. */
const COLLECT_TIMEOUT_MS = 2000;
const STATES = ['waiting', 'prioritized', 'active', 'delayed', 'failed'] as const;
const ROUTE_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type QueueCounts = { queue: string; counts: Record<string, number> }[];

/**
 * The router's metrics: what routing did (counters, duration), and on each scrape the depth of
 * every queue and the pause switches, so one scrape of the router shows the whole pipeline.
 */
@Injectable()
export class RouterMetrics {
  readonly app = new AppMetrics();
  private readonly logger = new Logger('RouterMetrics');
  private readonly routed = this.app.counter({
    name: 'herald_notifications_routed_total',
    help: 'Notifications routed: targets resolved and deliveries written.',
  });
  private readonly created = this.app.counter({
    name: 'herald_deliveries_created_total',
    help: 'Deliveries written by routing, by channel and status (pending, skipped with a reason, failed).',
    labelNames: ['channel', 'status', 'reason'],
  });
  private readonly routeDuration = this.app.histogram({
    name: 'herald_route_duration_seconds',
    help: 'Duration of one route job: resolve, render, write and fan out.',
    buckets: ROUTE_BUCKETS,
  });
  private readonly queueCounts: () => Promise<QueueCounts>;
  private readonly pauseFlags: () => Promise<PauseFlags>;

  constructor(
    private readonly data: HeraldData,
    private readonly deliverQueues: DeliveryQueues,
    @InjectQueue(QueueName.Route) private readonly routeQueue: Queue,
    @InjectQueue(QueueName.Maintenance) private readonly maintenanceQueue: Queue,
    @InjectQueue(QueueName.Failover) private readonly failoverQueue: Queue,
  ) {
    this.queueCounts = cachedFor(SCRAPE_CACHE_MS, () => withTimeout(this.countJobs()));
    this.pauseFlags = cachedFor(SCRAPE_CACHE_MS, () => withTimeout(this.data.settings.readPauseFlags()));
    const queueJobs: Gauge<'queue' | 'state'> = this.app.gauge({
      name: 'herald_queue_jobs',
      help: 'Jobs in each queue by state (waiting includes prioritized), read on scrape.',
      labelNames: ['queue', 'state'],
      collect: () => this.collectQueueJobs(queueJobs),
    });
    const paused: Gauge<'channel'> = this.app.gauge({
      name: 'herald_paused',
      help: 'Pause switches as stored: 1 paused, 0 not; channel "all" is the global switch.',
      labelNames: ['channel'],
      collect: () => this.collectPaused(paused),
    });
  }

  /** Times one route job, whatever its end. */
  startRoute(): () => void {
    const end = this.routeDuration.startTimer();
    return () => void end();
  }

  /** A notification whose deliveries this run wrote. */
  notificationRouted(deliveries: NewDelivery[]): void {
    this.routed.inc();
    for (const { channel, status, reason } of deliveries) {
      this.created.inc({ channel, status, ...(reason ? { reason } : {}) });
    }
  }

  private async collectQueueJobs(gauge: Gauge<'queue' | 'state'>): Promise<void> {
    gauge.reset();
    const queues = await this.scrapeOrNull(this.queueCounts, 'queue depths');
    for (const { queue, counts } of queues ?? []) {
      gauge.set({ queue, state: 'waiting' }, (counts.waiting ?? 0) + (counts.prioritized ?? 0));
      for (const state of ['active', 'delayed', 'failed']) gauge.set({ queue, state }, counts[state] ?? 0);
    }
  }

  private async collectPaused(gauge: Gauge<'channel'>): Promise<void> {
    gauge.reset();
    const flags = await this.scrapeOrNull(this.pauseFlags, 'pause flags');
    if (!flags) return;
    gauge.set({ channel: 'all' }, flags.paused ? 1 : 0);
    for (const channel of CHANNEL_NAMES) gauge.set({ channel }, flags.channels.includes(channel) ? 1 : 0);
  }

  private async countJobs(): Promise<QueueCounts> {
    const queues = [
      this.routeQueue,
      this.maintenanceQueue,
      this.failoverQueue,
      ...this.deliverQueues.byChannel.values(),
    ];
    return Promise.all(
      queues.map(async (queue) => ({ queue: queue.name, counts: await queue.getJobCounts(...STATES) })),
    );
  }

  /** A gauge left empty, rather than a failed scrape, when Redis or Postgres is away. */
  private async scrapeOrNull<Value>(load: () => Promise<Value>, what: string): Promise<Value | null> {
    try {
      return await load();
    } catch (error) {
      this.logger.warn(`${what} left out of /metrics: ${(error as Error).message}`);
      return null;
    }
  }
}

function withTimeout<Value>(work: Promise<Value>): Promise<Value> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${COLLECT_TIMEOUT_MS} ms`)),
      COLLECT_TIMEOUT_MS,
    );
  });
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
