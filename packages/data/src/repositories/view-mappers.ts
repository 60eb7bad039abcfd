import {
  type AttemptOutcome,
  type AttemptView,
  type DeliveryStatus,
  type DeliveryView,
  type NotificationStatus,
  type NotificationSummaryView,
  type ResourceView,
  type SkipReason,
  type UserView,
} from '@herald/contracts';
import type {
  AttemptEntity,
  DeliveryEntity,
  NotificationEntity,
  ResourceEntity,
  UserEntity,
} from '../entities/index.js';

export function toNotificationSummary(row: NotificationEntity): NotificationSummaryView {
  return {
    id: row.id,
    type: row.type,
    status: row.status as NotificationStatus,
    createdAt: row.createdAt.toISOString(),
    source: row.sourceKind && row.sourceId ? { kind: row.sourceKind, id: row.sourceId } : null,
  };
}

export function toAttemptView(row: AttemptEntity): AttemptView {
  return {
    number: row.number,
    startedAt: row.startedAt.toISOString(),
    durationMs: row.durationMs,
    outcome: row.outcome as AttemptOutcome,
    providerCode: row.providerCode,
    error: row.error,
  };
}

export function toDeliveryView(row: DeliveryEntity, attempts: AttemptView[]): DeliveryView {
  return {
    id: row.id,
    channel: row.channel,
    notifier: row.notifierName,
    userId: row.userId,
    address: row.address,
    status: row.status as DeliveryStatus,
    reason: row.reason as SkipReason | null,
    attemptCount: row.attemptCount,
    attempts,
    lastError: row.lastError,
    sentAt: row.sentAt ? row.sentAt.toISOString() : null,
    fallbackOf: row.fallbackOf,
  };
}

export function toUserView(row: UserEntity): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    username: row.username,
    phone: row.phone,
    addresses: row.addresses ?? {},
    timezone: row.timezone,
  };
}

export function toResourceView(row: ResourceEntity, parent: ResourceEntity | null): ResourceView {
  return {
    kind: row.kind,
    id: row.externalId,
    name: row.name,
    parent: parent ? { kind: parent.kind, id: parent.externalId } : null,
    inheritNotifiers: row.inheritNotifiers,
  };
}
