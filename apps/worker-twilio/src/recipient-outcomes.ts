import { DeliveryErrorCode, type DeliveryError } from '@herald/worker-kit';

/** How one number of a delivery fared: sent (Twilio's sid) or failed. */
export type RecipientOutcome = { sid: string } | { error: DeliveryError };

/**
 * Remembers, per delivery, which numbers are settled (sent, or failed for good), so that when a
 * delivery to several numbers is retried for the ones that failed, the others do not get the SMS
 * or the call twice. Twilio has no idempotency key to do it for us. Memory only, bounded: a retry
 * that lands on another worker process, or after a restart, sends to every number again.
 */
export class RecipientOutcomes {
  private readonly byDelivery = new Map<string, Map<string, RecipientOutcome>>();

  constructor(private readonly maxDeliveries = 10_000) {}

  of(deliveryId: string): Map<string, RecipientOutcome> {
    let outcomes = this.byDelivery.get(deliveryId);
    if (!outcomes) {
      outcomes = new Map();
      this.byDelivery.set(deliveryId, outcomes);
      // Maps iterate in insertion order: the first key is the delivery remembered longest.
      if (this.byDelivery.size > this.maxDeliveries) {
        this.byDelivery.delete(this.byDelivery.keys().next().value as string);
      }
    }
    return outcomes;
  }

  forget(deliveryId: string): void {
    this.byDelivery.delete(deliveryId);
  }
}

/** Whether a number needs no further request: sent, or failed in a way no retry can fix. */
export function isSettled(outcome: RecipientOutcome | undefined): boolean {
  return outcome !== undefined && ('sid' in outcome || outcome.error.code === DeliveryErrorCode.Permanent);
}
