import type { AttemptView, DeliveryView, NotificationView } from '@herald/contracts';
import type { HeraldEvent } from './herald-client.js';

/** An event as the Trigger request of herald.proto: `data` travels as JSON, unset fields as empty. */
export function toTriggerRequest(event: HeraldEvent): Record<string, unknown> {
  const { data, ...rest } = event;
  return { ...rest, ...(data === undefined ? {} : { dataJson: JSON.stringify(data) }) };
}

// proto3 leaves an unset `optional` field out of the message; the REST view says null.
type Wire<View> = { [Key in keyof View]?: View[Key] | undefined };

/** A Notification message as the NotificationView REST answers. */
export function toNotificationView(message: Wire<NotificationView>): NotificationView {
  return {
    id: message.id!,
    type: message.type!,
    status: message.status!,
    createdAt: message.createdAt!,
    source: message.source ?? null,
    deliveries: (message.deliveries ?? []).map(toDeliveryView),
  };
}

function toDeliveryView(message: Wire<DeliveryView>): DeliveryView {
  return {
    id: message.id!,
    channel: message.channel!,
    notifier: message.notifier ?? null,
    userId: message.userId ?? null,
    address: message.address ?? null,
    status: message.status!,
    reason: message.reason ?? null,
    attemptCount: message.attemptCount ?? 0,
    attempts: (message.attempts ?? []).map(toAttemptView),
    lastError: message.lastError ?? null,
    sentAt: message.sentAt ?? null,
    fallbackOf: message.fallbackOf ?? null,
  };
}

function toAttemptView(message: Wire<AttemptView>): AttemptView {
  return {
    number: message.number!,
    startedAt: message.startedAt!,
    durationMs: message.durationMs ?? 0,
    outcome: message.outcome!,
    providerCode: message.providerCode ?? null,
    error: message.error ?? null,
  };
}
