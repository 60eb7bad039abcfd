import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DeliveryStatus, NotificationStatus, SkipReason } from '@herald/contracts';
import { HeraldData, type NewDelivery, type NotificationRecord } from '@herald/data';
import { withLogContext } from '@herald/observability';
import { RouterEnv } from '../config/router-env.js';
import { RouterMetrics } from '../metrics/router-metrics.js';
import { DeliveryQueues } from '../queues/delivery-queues.service.js';
import { RenderService } from '../rendering/render.service.js';
import { planDelivery } from './plan-delivery.js';
import { TargetResolver } from './target-resolver.js';

@Injectable()
export class RouterService {
  private readonly logger = new Logger('Router');

  constructor(
    private readonly data: HeraldData,
    private readonly resolver: TargetResolver,
    private readonly renderer: RenderService,
    private readonly queues: DeliveryQueues,
    private readonly env: RouterEnv,
    private readonly metrics: RouterMetrics,
  ) {}

  /**
   * Resolves, renders and writes the deliveries of a notification once, then fans them out.
   * Planning runs before the write transaction, on pooled connections of its own: a transaction
   * held open across it drained the pool under bursts of route jobs. The write locks the row and
   * re-checks, so a route job that runs twice writes the deliveries once; a repeated run only
   * re-enqueues what is still pending, which BullMQ ignores for jobs it already has.
   */
  async route(notificationId: string): Promise<void> {
    const done = this.metrics.startRoute();
    // Every line logged while routing, the resolver's and renderer's included, names the notification.
    await withLogContext({ notificationId }, () => this.routeOnce(notificationId)).finally(done);
  }

  private async routeOnce(notificationId: string): Promise<void> {
    const notification = await this.data.notifications.findById(notificationId);
    if (!notification) {
      this.logger.warn(`notification ${notificationId} no longer exists; nothing to route`);
      return;
    }
    if (notification.status === NotificationStatus.Accepted) {
      const deliveries = await this.plan(notification);
      const wrote = await this.data.transaction(async (tx) => {
        const locked = await this.data.notifications.lockForRouting(tx, notificationId);
        // Routed by another run meanwhile: its deliveries stand.
        if (locked?.status !== NotificationStatus.Accepted) return false;
        await this.data.deliveries.insertMany(tx, deliveries);
        await this.data.notifications.setStatus(tx, notificationId, NotificationStatus.Routed);
        return true;
      });
      if (wrote) {
        this.metrics.notificationRouted(deliveries);
        this.logger.log(`notification ${notificationId} (${notification.type}): ${summary(deliveries)}`);
      }
    }
    await this.queues.enqueue(await this.data.deliveries.idsToDispatch(notificationId));
    await this.data.notifications.completeIfSettled(notificationId);
  }

  private async plan(notification: NotificationRecord): Promise<NewDelivery[]> {
    const eventType = await this.data.eventTypes.find(notification.type);
    const targets = await this.resolver.resolve(notification, eventType);
    const renderer = this.renderer.forNotification(notification, eventType);
    const deliveries = await Promise.all(
      targets.map((target) => planDelivery(notification.id, target, renderer, this.env.HERALD_MAX_ATTEMPTS)),
    );
    const window = eventType?.dedupeWindowSeconds;
    return window ? this.skipDuplicates(deliveries, window) : deliveries;
  }

  /**
   * For an event type with a dedupe window: a pending delivery whose message already went, or is
   * on its way, to the same target within the window is skipped as `duplicate` (so is the second
   * of two identical ones in this notification). One query per notification, on an index.
   * Race-tolerant rather than exact: two routers routing identical events at the same moment each
   * find no earlier delivery, and the message goes out twice (once per router). Serialising every
   * route on a lock per key would cost more than that rare double.
   */
  private async skipDuplicates(deliveries: NewDelivery[], windowSeconds: number): Promise<NewDelivery[]> {
    const keyed = deliveries.map((delivery) =>
      delivery.status === DeliveryStatus.Pending ? { ...delivery, dedupeKey: dedupeKey(delivery) } : delivery,
    );
    const keys = [...new Set(keyed.flatMap((delivery) => (delivery.dedupeKey ? [delivery.dedupeKey] : [])))];
    const taken = await this.data.deliveries.findRecentDedupeKeys(keys, windowSeconds);
    return keyed.map((delivery) => {
      if (!delivery.dedupeKey) return delivery;
      if (taken.has(delivery.dedupeKey)) {
        return { ...delivery, status: DeliveryStatus.Skipped, reason: SkipReason.Duplicate, message: null };
      }
      taken.add(delivery.dedupeKey);
      return delivery;
    });
  }
}

/** The same message to the same target: channel, notifier, address, rendered title and Markdown. */
function dedupeKey(delivery: NewDelivery): string {
  const { channel, notifierId, address, message } = delivery;
  return createHash('sha256')
    .update(JSON.stringify([channel, notifierId, address, message?.title ?? null, message?.markdown ?? null]))
    .digest('hex');
}

function summary(deliveries: NewDelivery[]): string {
  if (deliveries.length === 0) return 'no targets';
  const counts = new Map<string, number>();
  for (const delivery of deliveries) counts.set(delivery.status, (counts.get(delivery.status) ?? 0) + 1);
  return [...counts].map(([status, count]) => `${count} ${status}`).join(', ');
}
