import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QueueName, type RouteJobPayload } from '@herald/contracts';
import { computeBackoffMs } from '@herald/queue';
import { RouterService } from './router.service.js';

// Route jobs carry the `herald` backoff type (the queue's default job options): without this
// strategy BullMQ could not schedule their retries.
@Processor(QueueName.Route, {
  settings: { backoffStrategy: (attemptsMade: number) => computeBackoffMs(attemptsMade) },
})
export class RouteProcessor extends WorkerHost {
  constructor(private readonly router: RouterService) {
    super();
  }

  async process(job: Job<RouteJobPayload>): Promise<void> {
    await this.router.route(job.data.notificationId);
  }
}
