import { Injectable, Logger } from '@nestjs/common';
import { DeliveryStatus, isChannelName } from '@herald/contracts';
import { HeraldData } from '@herald/data';
import { RouterEnv } from '../config/router-env.js';
import { DeliveryQueues } from '../queues/delivery-queues.service.js';
import { RenderService } from '../rendering/render.service.js';
import { planDelivery } from './plan-delivery.js';
import { TargetResolver } from './target-resolver.js';

/**
 * Re-routes a delivery that failed for good to its notifier's fallback, once: the fallback
 * delivery (`fallbackOf` = the failed one) is written, rendered for the fallback's channel and to
 * the same user or as the fallback's own target, in the transaction that marks the failover done.
 * A fallback is never failed over again, so two notifiers naming each other cannot loop.
 */
@Injectable()
export class FailoverService {
  private readonly logger = new Logger('Failover');

  constructor(
    private readonly data: HeraldData,
    private readonly resolver: TargetResolver,
    private readonly renderer: RenderService,
    private readonly queues: DeliveryQueues,
    private readonly env: RouterEnv,
  ) {}

  async failover(deliveryId: string): Promise<void> {
    const outcome = await this.data.transaction(async (tx) => {
      const failed = await this.data.failover.lockPending(tx, deliveryId);
      if (!failed) return null;
      const fallback = failed.fallback ? await this.data.notifiers.findByName(failed.fallback) : null;
      await this.data.failover.markDone(tx, failed.id);
      if (!fallback || !isChannelName(fallback.type)) {
        this.logger.warn({
          msg: `delivery ${failed.id}: fallback notifier "${failed.fallback}" no longer exists`,
          notificationId: failed.notificationId,
          deliveryId: failed.id,
        });
        return { notificationId: failed.notificationId, delivery: null };
      }
      const notification = (await this.data.notifications.findById(failed.notificationId, tx))!;
      const eventType = await this.data.eventTypes.find(notification.type);
      const target = await this.resolver.fallbackTarget(fallback, failed.userId);
      const planned = await planDelivery(
        notification.id,
        target,
        this.renderer.forNotification(notification, eventType),
        this.env.HERALD_MAX_ATTEMPTS,
      );
      const delivery = { ...planned, fallbackOf: failed.id };
      await this.data.deliveries.insertMany(tx, [delivery]);
      this.logger.log({
        msg: `delivery ${failed.id} failed for good; fallback ${fallback.name}: ${delivery.status}`,
        notificationId: failed.notificationId,
        deliveryId: failed.id,
        fallbackDeliveryId: delivery.id,
      });
      return { notificationId: failed.notificationId, delivery };
    });
    if (!outcome) return;
    if (outcome.delivery?.status === DeliveryStatus.Pending) await this.queues.enqueue([outcome.delivery]);
    await this.data.notifications.completeIfSettled(outcome.notificationId);
  }
}
