import { Inject, Injectable, Logger } from '@nestjs/common';
import type { NotificationView, RetriedNotificationView } from '@herald/contracts';
import { HeraldData } from '@herald/data';
import { isUUID } from 'class-validator';
import { Redis } from 'ioredis';
import { ApiEnv } from '../config/api-env.js';
import { ApiError } from '../errors/api-error.js';
import { DeliveryJobs } from '../queue/delivery-jobs.service.js';
import { REDIS_PRODUCER } from '../queue/queue.tokens.js';
import { withRedis } from '../queue/redis-unavailable.js';
import { NotificationsService } from './notifications.service.js';

/** Cancel and retry: Postgres decides, the queues follow. */
@Injectable()
export class DeliveryControlService {
  private readonly logger = new Logger('DeliveryControl');

  constructor(
    private readonly data: HeraldData,
    private readonly jobs: DeliveryJobs,
    private readonly notifications: NotificationsService,
    private readonly env: ApiEnv,
    @Inject(REDIS_PRODUCER) private readonly redis: Redis,
  ) {}

  /**
   * Cancels the deliveries not sent yet and answers the notification as it is now. Removing their
   * jobs only tidies the queues: a cancelled delivery's job does nothing when it runs, so a Redis
   * outage here is logged, not answered.
   */
  async cancel(id: string): Promise<NotificationView> {
    const result = isUUID(id) ? await this.data.deliveryControl.cancel(id) : null;
    if (!result) throw notFound(id);
    if (result.cancelled.length > 0) {
      await withRedis(this.redis, () => this.jobs.remove(result.cancelled)).catch((error: unknown) =>
        this.logger.warn(
          `Cancelled ${result.cancelled.length} deliveries of ${id}; their jobs stay queued and will do nothing: ${
            (error as Error).message
          }`,
        ),
      );
    }
    return this.notifications.get(id);
  }

  /**
   * Re-drives the failed deliveries with a fresh budget of tries. The change is committed before the
   * jobs are touched; if Redis is away the answer is a 503 and repeating the call gives the waiting
   * deliveries their jobs (a failed job still in Redis would make a plain re-enqueue a no-op).
   */
  async retry(id: string): Promise<RetriedNotificationView> {
    const result = isUUID(id) ? await this.data.deliveryControl.redrive(id, this.env.maxAttempts) : null;
    if (!result) throw notFound(id);
    await withRedis(
      this.redis,
      () => this.jobs.dispatch(result.dispatch),
      `${result.retried} deliveries are pending again but Redis is unavailable: repeat the retry once it is back`,
    );
    return { id, retried: result.retried };
  }
}

function notFound(id: string): ApiError {
  return ApiError.notFound(`No notification with id "${id}"`);
}
