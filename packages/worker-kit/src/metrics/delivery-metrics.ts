import { AttemptOutcome, DeliveryStatus } from '@herald/contracts';
import { AppMetrics } from '@herald/observability';

/** One send, from claim to record: a provider's answer takes milliseconds to a minute (the timeout). */
const ATTEMPT_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
/** Accepted to sent: seconds when all is well, up to hours through retries and pauses. */
const ACCEPT_TO_DELIVERED_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 14_400];

export interface RecordedAttempt {
  outcome: AttemptOutcome;
  /** The delivery's status after the attempt. */
  status: DeliveryStatus;
  durationMs: number;
  /** When the notification was accepted; known once the delivery's context was loaded. */
  acceptedAt?: Date;
}

/**
 * A channel worker's delivery metrics, in the spirit of Coder's
 * `coderd_notifications_dispatch_attempts_total{method,result}`. Every series of the channel exists
 * from the start at 0, so a rate() over a first failure does not miss it.
 */
export class DeliveryMetrics {
  readonly app = new AppMetrics();
  private readonly attempts = this.app.counter({
    name: 'herald_delivery_attempts_total',
    help: 'Delivery attempts by outcome (sent, retryable, rate_limited, permanent).',
    labelNames: ['channel', 'result'],
  });
  private readonly deliveries = this.app.counter({
    name: 'herald_deliveries_total',
    help: 'Deliveries that reached a final status (sent, failed).',
    labelNames: ['channel', 'status'],
  });
  private readonly retries = this.app.counter({
    name: 'herald_retries_total',
    help: 'Retryable failures given back to the queue for another attempt after backoff.',
    labelNames: ['channel'],
  });
  private readonly attemptDuration = this.app.histogram({
    name: 'herald_delivery_attempt_duration_seconds',
    help: 'Duration of one attempt, from claim to the recorded outcome.',
    labelNames: ['channel'],
    buckets: ATTEMPT_BUCKETS,
  });
  private readonly acceptToDelivered = this.app.histogram({
    name: 'herald_accept_to_delivered_seconds',
    help: 'Time from the notification being accepted to this delivery being sent.',
    labelNames: ['channel'],
    buckets: ACCEPT_TO_DELIVERED_BUCKETS,
  });
  private readonly inFlight = this.app.gauge({
    name: 'herald_sends_in_flight',
    help: 'Sends waiting on the provider right now.',
    labelNames: ['channel'],
  });

  constructor(private readonly channel: string) {
    for (const result of Object.values(AttemptOutcome)) this.attempts.inc({ channel, result }, 0);
    for (const status of [DeliveryStatus.Sent, DeliveryStatus.Failed])
      this.deliveries.inc({ channel, status }, 0);
    this.retries.inc({ channel }, 0);
    this.inFlight.set({ channel }, 0);
  }

  /** Counts a send as in flight until the returned function is called. */
  sendStarted(): () => void {
    this.inFlight.inc({ channel: this.channel });
    return () => this.inFlight.dec({ channel: this.channel });
  }

  attemptRecorded({ outcome, status, durationMs, acceptedAt }: RecordedAttempt): void {
    const channel = this.channel;
    this.attempts.inc({ channel, result: outcome });
    this.attemptDuration.observe({ channel }, durationMs / 1000);
    if (status === DeliveryStatus.Sent || status === DeliveryStatus.Failed) {
      this.deliveries.inc({ channel, status });
    }
    // A rate limit also leaves the delivery retrying, but sits out the wait without using an attempt.
    if (status === DeliveryStatus.Retrying && outcome === AttemptOutcome.Retryable)
      this.retries.inc({ channel });
    if (status === DeliveryStatus.Sent && acceptedAt) {
      this.acceptToDelivered.observe({ channel }, Math.max(0, Date.now() - acceptedAt.getTime()) / 1000);
    }
  }
}
