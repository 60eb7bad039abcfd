import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { type FailoverJobPayload, QueueName, type RouteJobPayload } from '@herald/contracts';
import { HeraldData, type StuckDelivery } from '@herald/data';
import { RouterEnv } from '../config/router-env.js';
import { DeliverJobs, type RedriveOutcome } from './deliver-jobs.service.js';

const BATCH = 200;
// Bounds one pass when a big backlog of live jobs looks idle; the next pass carries on.
const MAX_CHECKED_PER_RUN = 5000;

export interface ReconcileReport {
  checked: number;
  enqueued: number;
  blocked: number;
  /** Notifications whose route job was re-run. */
  rerouted: number;
  /** Notifications marked completed whose deliveries had all finished. */
  settled: number;
  /** Failed deliveries whose failover job was asked for again. */
  failovers: number;
}

/**
 * Re-drives deliveries the queues lost: `sending` past its lease by the grace period (the worker
 * died mid-send and BullMQ did not re-run the job), or `pending`/`retrying` for the grace period
 * with no job that will still run (Redis lost it, or the router died between commit and enqueue).
 * Also settles notifications whose deliveries all finished but which were never marked completed.
 * Paused channels are left alone: their deliveries wait on purpose.
 */
@Injectable()
export class ReconcilerService {
  private readonly logger = new Logger('Reconciler');

  constructor(
    private readonly data: HeraldData,
    private readonly jobs: DeliverJobs,
    private readonly env: RouterEnv,
    @InjectQueue(QueueName.Route) private readonly routeQueue: Queue<RouteJobPayload>,
    @InjectQueue(QueueName.Failover) private readonly failoverQueue: Queue<FailoverJobPayload>,
  ) {}

  async run(): Promise<ReconcileReport> {
    const report: ReconcileReport = {
      checked: 0,
      enqueued: 0,
      blocked: 0,
      rerouted: 0,
      settled: 0,
      failovers: 0,
    };
    report.rerouted = await this.rerouteStuck();
    report.settled = await this.settleFinished();
    report.failovers = await this.refailover();
    const pausedChannels = await this.jobs.pausedChannels();
    let afterId: string | undefined;
    while (report.checked < MAX_CHECKED_PER_RUN) {
      const stuck = await this.data.deliveries.findStuck(this.env.HERALD_RECONCILE_GRACE_MS, BATCH, {
        pausedChannels,
        afterId,
      });
      for (const delivery of stuck) this.count(report, delivery, await this.jobs.redrive(delivery));
      report.checked += stuck.length;
      if (stuck.length < BATCH) break;
      afterId = stuck[stuck.length - 1]!.id;
    }
    if (report.enqueued > 0 || report.blocked > 0) {
      this.logger.warn(
        `re-enqueued ${report.enqueued} stuck deliver${report.enqueued === 1 ? 'y' : 'ies'}` +
          (report.blocked > 0 ? `; ${report.blocked} wait for BullMQ to drop their finished jobs` : ''),
      );
    }
    return report;
  }

  /**
   * Notifications still `accepted` long after their route job was queued: the job failed for good
   * (say Postgres was down through every attempt) or Redis lost it. A failed job is retried; a
   * missing one is added again. Routing is idempotent, so a job that was merely slow does no harm.
   */
  private async rerouteStuck(): Promise<number> {
    let rerouted = 0;
    for (const id of await this.data.upkeep.findStuckAccepted(this.env.HERALD_RECONCILE_GRACE_MS, BATCH)) {
      if (!(await runAgain(this.routeQueue, 'route', id, { notificationId: id }))) continue;
      rerouted++;
      this.logger.warn({
        msg: `notification ${id} was still not routed; its route job runs again`,
        notificationId: id,
      });
    }
    return rerouted;
  }

  /** Failovers marked in Postgres whose failover job was lost or failed for good. */
  private async refailover(): Promise<number> {
    let requested = 0;
    for (const id of await this.data.failover.findPending(this.env.HERALD_RECONCILE_GRACE_MS, BATCH)) {
      if (!(await runAgain(this.failoverQueue, 'failover', `failover-${id}`, { deliveryId: id }))) continue;
      requested++;
      this.logger.warn({
        msg: `delivery ${id} still waits for its failover; its failover job runs again`,
        deliveryId: id,
      });
    }
    return requested;
  }

  /** Notifications left `routed` after their last delivery finished (see `settleFinished`). */
  private async settleFinished(): Promise<number> {
    const settled = await this.data.upkeep.settleFinished(this.env.HERALD_RECONCILE_GRACE_MS, BATCH);
    for (const id of settled)
      this.logger.warn({
        msg: `notification ${id} had finished deliveries; marked completed`,
        notificationId: id,
      });
    return settled.length;
  }

  private count(report: ReconcileReport, delivery: StuckDelivery, outcome: RedriveOutcome): void {
    if (outcome === 'enqueued') {
      report.enqueued += 1;
      this.logger.log({
        msg: `delivery ${delivery.id} (${delivery.status}, ${delivery.channel}) re-enqueued`,
        deliveryId: delivery.id,
      });
    } else if (outcome === 'blocked') {
      report.blocked += 1;
    }
  }
}

/**
 * Makes sure the job `jobId` runs (again): a failed one is retried, a missing one added, and a
 * completed one, whose id BullMQ would ignore, is added under a new id. False when it is still live.
 * The jobs it is used for are idempotent, so a run too many does no harm.
 */
async function runAgain(queue: Queue, name: string, jobId: string, data: object): Promise<boolean> {
  const job = await queue.getJob(jobId);
  const state = job ? await job.getState() : 'missing';
  if (state === 'failed') await job!.retry();
  else if (state === 'missing') await queue.add(name, data, { jobId });
  else if (state === 'completed') await queue.add(name, data, { jobId: `${jobId}-${Date.now()}` });
  else return false;
  return true;
}
