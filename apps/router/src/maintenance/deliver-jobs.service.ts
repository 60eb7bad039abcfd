import { Injectable } from '@nestjs/common';
import type { JobState } from 'bullmq';
import type { StuckDelivery } from '@herald/data';
import { DeliveryQueues } from '../queues/delivery-queues.service.js';

/** States in which a job will still run (a paused queue's waiting jobs read as `waiting`). */
const LIVE_STATES: ReadonlySet<JobState | 'unknown'> = new Set([
  'waiting',
  'delayed',
  'active',
  'prioritized',
  'waiting-children',
]);

export type RedriveOutcome = 'live' | 'enqueued' | 'blocked';

/** What the reconciler asks of the deliver queues: is a job still there for a delivery, and a new one. */
@Injectable()
export class DeliverJobs {
  constructor(private readonly queues: DeliveryQueues) {}

  /** Channels whose queue is paused: their open deliveries wait on purpose. */
  async pausedChannels(): Promise<string[]> {
    const paused = await Promise.all(
      [...this.queues.byChannel].map(async ([channel, queue]) => ((await queue.isPaused()) ? channel : null)),
    );
    return paused.filter((channel): channel is string => channel !== null);
  }

  /**
   * Makes sure a job will run for the delivery. Its own id (the delivery id) first: nothing to do
   * if that job is still live; a new job under it if it is gone. If it finished (completed, failed
   * for good) BullMQ would ignore a new job with its id, so `<id>-<attemptCount>` is used: a new
   * name per claim, since every claim counts an attempt. A run too many is a no-op at the claim.
   */
  async redrive(delivery: StuckDelivery): Promise<RedriveOutcome> {
    const queue = this.queues.queue(delivery.channel);
    // BullMQ refuses custom job ids with one ':', hence '-'.
    for (const jobId of [delivery.id, `${delivery.id}-${delivery.attemptCount}`]) {
      const job = await queue.getJob(jobId);
      if (!job) {
        await queue.add('deliver', { deliveryId: delivery.id }, { jobId });
        return 'enqueued';
      }
      if (LIVE_STATES.has(await job.getState())) return 'live';
    }
    // Both finished without the delivery moving on: BullMQ's clean-up of finished jobs frees the
    // ids in time; until then the reconciler says so on every pass.
    return 'blocked';
  }
}
