import { Inject, Injectable } from '@nestjs/common';
import type { DeliverJobPayload } from '@herald/contracts';
import type { DeliveryJobRef } from '@herald/data';
import { Queue } from 'bullmq';
import { DELIVER_QUEUES } from './queue.tokens.js';

/** The BullMQ side of cancelling and retrying deliveries; a job's id is its delivery's id. */
@Injectable()
export class DeliveryJobs {
  constructor(@Inject(DELIVER_QUEUES) private readonly queues: ReadonlyMap<string, Queue>) {}

  /**
   * Removes the jobs of cancelled deliveries that wait (waiting, delayed) or are finished. A job
   * running right now is locked and stays: its claim finds the delivery cancelled and does nothing.
   */
  async remove(deliveries: DeliveryJobRef[]): Promise<void> {
    await Promise.all(deliveries.map(({ id, channel }) => this.queue(channel).remove(id)));
  }

  /**
   * Makes sure each delivery has a job that will run. The job of a delivery that failed for good
   * is still in the failed set under the delivery's id, where `add` would be a no-op: it is retried,
   * with a fresh BullMQ attempt count. A missing job is added; a waiting, delayed or running one is
   * left as it is.
   */
  async dispatch(deliveries: DeliveryJobRef[]): Promise<void> {
    await Promise.all(
      deliveries.map(async ({ id, channel, attemptsLeft }) => {
        const queue = this.queue(channel);
        const job = await queue.getJob(id);
        if (!job) {
          const payload: DeliverJobPayload = { deliveryId: id };
          await queue.add('deliver', payload, { jobId: id, attempts: attemptsLeft });
          return;
        }
        const state = await job.getState();
        if (state === 'failed' || state === 'completed') {
          await job.retry(state, { resetAttemptsMade: true, resetAttemptsStarted: true });
        }
      }),
    );
  }

  private queue(channel: string): Queue {
    const queue = this.queues.get(channel);
    // Deliveries are written by the router from the same channel registry.
    if (!queue) throw new Error(`no deliver queue for channel "${channel}"`);
    return queue;
  }
}
