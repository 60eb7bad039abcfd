import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName, type RouteJobPayload } from '@herald/contracts';
import { HeraldData } from '@herald/data';
import { RouterEnv } from '../config/router-env.js';

/**
 * Re-enqueues notifications that were committed while Redis was unreachable, so an event that got
 * its 202 is routed once Redis is back, with no manual step. Job id = notification id, so a row
 * that was in fact enqueued already is a no-op.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly data: HeraldData,
    private readonly env: RouterEnv,
    @InjectQueue(QueueName.Route) private readonly routeQueue: Queue<RouteJobPayload>,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.relayOnce()
        .then(() => undefined)
        .catch((error: Error) => this.logger.warn(`outbox relay will try again: ${error.message}`))
        .finally(() => (this.running = undefined));
    }, this.env.HERALD_OUTBOX_INTERVAL_MS);
  }

  /** Relays everything waiting, batch by batch; returns how many notifications it handed over. */
  async relayOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const relayed = await this.data.upkeep.relayUnenqueued(
        // Leave the API a moment to enqueue what it just committed itself.
        this.env.HERALD_OUTBOX_GRACE_MS,
        500,
        async (ids) => {
          await this.routeQueue.addBulk(
            ids.map((id) => ({ name: 'route', data: { notificationId: id }, opts: { jobId: id } })),
          );
        },
      );
      total += relayed;
      if (relayed < 500) break;
    }
    if (total > 0) this.logger.log(`relayed ${total} notification(s) accepted while Redis was unreachable`);
    return total;
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
