import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { type MaintenanceJobPayload, MaintenanceTask, QueueName } from '@herald/contracts';
import { ReconcilerService } from './reconciler.service.js';
import { RetentionService } from './retention.service.js';

/** Runs what the maintenance schedulers produce; one replica takes each run. */
@Processor(QueueName.Maintenance)
export class MaintenanceProcessor extends WorkerHost {
  constructor(
    private readonly retention: RetentionService,
    private readonly reconciler: ReconcilerService,
  ) {
    super();
  }

  async process(job: Job<MaintenanceJobPayload>): Promise<unknown> {
    const task = job.data.task;
    switch (task) {
      case MaintenanceTask.Retention:
        return this.retention.run();
      case MaintenanceTask.Reconcile:
        return this.reconciler.run();
      default:
        // A task added to the enum without a handler fails to compile here.
        throw new Error(`unknown maintenance task ${task satisfies never}`);
    }
  }
}
