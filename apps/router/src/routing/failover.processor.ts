import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { type FailoverJobPayload, QueueName } from '@herald/contracts';
import { computeBackoffMs } from '@herald/queue';
import { FailoverService } from './failover.service.js';

@Processor(QueueName.Failover, {
  settings: { backoffStrategy: (attemptsMade: number) => computeBackoffMs(attemptsMade) },
})
export class FailoverProcessor extends WorkerHost {
  constructor(private readonly failovers: FailoverService) {
    super();
  }

  async process(job: Job<FailoverJobPayload>): Promise<void> {
    await this.failovers.failover(job.data.deliveryId);
  }
}
