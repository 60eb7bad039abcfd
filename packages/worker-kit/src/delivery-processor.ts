import { Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { AttemptOutcome, type ChannelName, type DeliverJobPayload, DeliveryStatus } from '@herald/contracts';
import type { ClaimedDelivery, HeraldData } from '@herald/data';
import { withLogContext } from '@herald/observability';
import type { ChannelAdapter, OutboundDelivery, OutboundNotifier, SendResult } from './channel-adapter.js';
import { DeliveryError, DeliveryErrorCode, toDeliveryError } from './delivery-error.js';
import type { DeliveryMetrics } from './metrics/delivery-metrics.js';

export interface DeliveryProcessorOptions {
  dispatchTimeoutMs: number;
  /** Lease written at claim time: past it, the reconciler may take the delivery back. */
  leaseMs: number;
  maxRateLimitWaits: number;
  /** Holds the whole channel queue back (BullMQ worker.rateLimit). */
  pauseChannel(ms: number): Promise<void>;
  /** What to throw so BullMQ puts the job back without using an attempt (Worker.RateLimitError()). */
  rateLimitSignal(): Error;
  /**
   * Asks the router to re-route a delivery that failed for good to its notifier's fallback. The
   * failover is already marked in Postgres; if this request is lost the reconciler makes it.
   */
  requestFailover(deliveryId: string): Promise<void>;
  metrics: DeliveryMetrics;
}

type DeliverJob = Job<DeliverJobPayload & { rateLimitWaits?: number }>;

/**
 * claim → send → record → classify. A processor never swallows an error: a retryable failure is
 * thrown back to BullMQ (backoff), a permanent one as UnrecoverableError after it is recorded.
 */
export class DeliveryProcessor {
  private readonly logger = new Logger('DeliveryProcessor');

  constructor(
    private readonly data: HeraldData,
    private readonly adapter: ChannelAdapter,
    private readonly options: DeliveryProcessorOptions,
  ) {}

  async process(job: DeliverJob): Promise<void> {
    const claimed = await this.data.deliveries.claim(job.data.deliveryId, this.options.leaseMs);
    if (!claimed) {
      // Finished, cancelled, or being sent by another run: nothing to send. A run that recorded
      // the last outcome but failed before settling the notification left it to this re-run.
      await this.data.notifications.completeIfSettledByDelivery(job.data.deliveryId);
      return;
    }

    // Every line logged about this attempt, down to the adapter's, names the delivery and its notification.
    const ids = { notificationId: claimed.notificationId, deliveryId: claimed.id };
    await withLogContext(ids, async () => {
      const startedAt = new Date();
      try {
        const { result, acceptedAt } = await this.send(claimed);
        await this.record(
          claimed,
          startedAt,
          AttemptOutcome.Sent,
          DeliveryStatus.Sent,
          null,
          result.providerCode,
          acceptedAt,
        );
      } catch (thrown) {
        await this.fail(job, claimed, startedAt, toDeliveryError(thrown));
      }
    });
  }

  private async send(claimed: ClaimedDelivery): Promise<{ result: SendResult; acceptedAt: Date }> {
    const context = await this.data.deliveries.loadContext(claimed);
    if (!context.notifier) throw DeliveryError.permanent('the notifier of this delivery was deleted');
    if (!claimed.message) throw DeliveryError.permanent('the delivery has no rendered message');
    const delivery: OutboundDelivery = {
      id: claimed.id,
      channel: claimed.channel as ChannelName,
      address: claimed.address,
      message: claimed.message,
      attemptNumber: claimed.attemptCount,
      notification: context.notification,
      user: context.user,
    };
    const notifier: OutboundNotifier = { ...context.notifier, type: context.notifier.type as ChannelName };
    const sent = this.options.metrics.sendStarted();
    try {
      const result = await this.withDispatchTimeout((signal) =>
        this.adapter.send(delivery, notifier, signal),
      );
      return { result, acceptedAt: context.notification.createdAt };
    } finally {
      sent();
    }
  }

  /** Aborts the adapter at the deadline, and does not wait for one that ignores its signal. */
  private async withDispatchTimeout(send: (signal: AbortSignal) => Promise<SendResult>): Promise<SendResult> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(
          DeliveryError.retryable(`dispatch timeout: no answer within ${this.options.dispatchTimeoutMs} ms`),
        );
      }, this.options.dispatchTimeoutMs);
    });
    try {
      return await Promise.race([send(controller.signal), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async fail(
    job: DeliverJob,
    claimed: ClaimedDelivery,
    startedAt: Date,
    error: DeliveryError,
  ): Promise<never> {
    if (error.code === DeliveryErrorCode.RateLimited) {
      const waits = job.data.rateLimitWaits ?? 0;
      if (waits < this.options.maxRateLimitWaits) {
        await this.record(
          claimed,
          startedAt,
          AttemptOutcome.RateLimited,
          DeliveryStatus.Retrying,
          error.message,
          error.providerCode,
        );
        await job.updateData({ ...job.data, rateLimitWaits: waits + 1 });
        await this.options.pauseChannel(error.retryAfterMs ?? 1000);
        throw this.options.rateLimitSignal();
      }
      // Past the bound, a rate limit is an ordinary retryable failure that uses up attempts.
    }

    const permanent = error.code === DeliveryErrorCode.Permanent;
    const exhausted = claimed.attemptCount >= claimed.maxAttempts;
    const status = permanent || exhausted ? DeliveryStatus.Failed : DeliveryStatus.Retrying;
    const outcome = permanent ? AttemptOutcome.Permanent : AttemptOutcome.Retryable;
    await this.record(claimed, startedAt, outcome, status, error.message, error.providerCode);
    this.logger.warn(
      `delivery ${claimed.id} attempt ${claimed.attemptCount}/${claimed.maxAttempts} ${outcome}: ${error.message}` +
        (status === DeliveryStatus.Failed ? ' (failed for good)' : ''),
    );
    if (status === DeliveryStatus.Failed) throw new UnrecoverableError(error.message);
    throw error;
  }

  private async record(
    claimed: ClaimedDelivery,
    startedAt: Date,
    outcome: AttemptOutcome,
    status: DeliveryStatus,
    error: string | null,
    providerCode: string | undefined,
    acceptedAt?: Date,
  ): Promise<void> {
    const durationMs = Date.now() - startedAt.getTime();
    const { failover } = await this.data.deliveries.recordAttempt(
      claimed.id,
      {
        number: claimed.attemptCount,
        startedAt,
        durationMs,
        outcome,
        providerCode: providerCode ?? null,
        error: error ? error.slice(0, 2000) : null,
      },
      status,
      error ? error.slice(0, 2000) : null,
    );
    this.options.metrics.attemptRecorded({ outcome, status, durationMs, acceptedAt });
    if (status === DeliveryStatus.Sent)
      this.logger.debug(`delivery ${claimed.id} sent (attempt ${claimed.attemptCount})`);
    if (failover) {
      await this.options.requestFailover(claimed.id).catch((error: Error) => {
        this.logger.warn(
          `failover of delivery ${claimed.id} not requested (the reconciler will): ${error.message}`,
        );
      });
    }
    if (status !== DeliveryStatus.Retrying)
      await this.data.notifications.completeIfSettled(claimed.notificationId);
  }
}
