export enum NotificationStatus {
  Accepted = 'accepted',
  Routed = 'routed',
  Completed = 'completed',
}

export enum DeliveryStatus {
  Pending = 'pending',
  Sending = 'sending',
  Sent = 'sent',
  Retrying = 'retrying',
  Failed = 'failed',
  Skipped = 'skipped',
  Cancelled = 'cancelled',
}

/** Statuses after which a delivery never changes again on its own. */
export const FINAL_DELIVERY_STATUSES: readonly DeliveryStatus[] = [
  DeliveryStatus.Sent,
  DeliveryStatus.Failed,
  DeliveryStatus.Skipped,
  DeliveryStatus.Cancelled,
];

/** Why a target got a `skipped` delivery instead of a message. */
export enum SkipReason {
  OptedOut = 'opted_out',
  DisabledByDefault = 'disabled_by_default',
  NoAddress = 'no_address',
  ChannelDisabled = 'channel_disabled',
  UnknownUser = 'unknown_user',
  /** The same message went to the same target within the event type's dedupe window. */
  Duplicate = 'duplicate',
}

/** How one attempt ended. */
export enum AttemptOutcome {
  Sent = 'sent',
  Retryable = 'retryable',
  RateLimited = 'rate_limited',
  Permanent = 'permanent',
}
