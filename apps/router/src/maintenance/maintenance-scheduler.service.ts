import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { type MaintenanceJobPayload, MaintenanceTask, QueueName } from '@herald/contracts';
import { RouterEnv } from '../config/router-env.js';

/**
 * Declares the maintenance tasks as BullMQ job schedulers on the `maintenance` queue. Redis holds
 * the schedule, so however many routers run, each task runs once per interval on one of them.
 * Every router upserts them at start: an unchanged interval keeps the schedule it has, a changed
 * one replaces it.
 */
@Injectable()
export class MaintenanceScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.Maintenance) private readonly queue: Queue<MaintenanceJobPayload>,
    private readonly env: RouterEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule(MaintenanceTask.Retention, this.env.HERALD_RETENTION_INTERVAL_MS);
    await this.schedule(MaintenanceTask.Reconcile, this.env.HERALD_RECONCILE_INTERVAL_MS);
    new Logger('Maintenance').log(
      `retention every ${this.env.HERALD_RETENTION_INTERVAL_MS} ms, reconciler every ${this.env.HERALD_RECONCILE_INTERVAL_MS} ms`,
    );
  }

  private async schedule(task: MaintenanceTask, every: number): Promise<void> {
    await this.queue.upsertJobScheduler(
      task,
      { every },
      {
        name: task,
        data: { task },
        // A run's outcome is in the log; Redis keeps only a short tail for the dashboard.
        opts: { removeOnComplete: { count: 50 }, removeOnFail: { count: 50 } },
      },
    );
  }
}
