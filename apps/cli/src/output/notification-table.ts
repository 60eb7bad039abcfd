import type {
  DeliveryView,
  ListResponse,
  NotificationSummaryView,
  NotificationView,
} from '@herald/contracts';
import { renderTable, truncate } from './table.js';

const TARGET_WIDTH = 50;
const NOTE_WIDTH = 80;

/** `herald notifications get`: the notification, its deliveries, then every attempt. */
export function renderNotification(view: NotificationView): string[] {
  const lines = [
    `notification ${view.id}`,
    `type     ${view.type}`,
    `status   ${view.status}`,
    `created  ${time(view.createdAt)}`,
    `source   ${view.source ? `${view.source.kind}/${view.source.id}` : '-'}`,
    '',
  ];
  if (view.deliveries.length === 0) return [...lines, 'no deliveries yet'];
  lines.push(...renderDeliveries(view.deliveries));
  const attempts = renderAttempts(view.deliveries);
  if (attempts.length > 0) lines.push('', ...attempts);
  return lines;
}

/** One row per delivery, numbered so the attempts table and `fallback for #n` can refer to it. */
export function renderDeliveries(deliveries: DeliveryView[]): string[] {
  const number = numbering(deliveries);
  return renderTable(
    [
      { header: '#', align: 'right' },
      { header: 'CHANNEL' },
      { header: 'TARGET' },
      { header: 'STATUS' },
      { header: 'TRIES', align: 'right' },
      { header: 'SENT AT' },
      { header: 'NOTE' },
    ],
    deliveries.map((delivery) => [
      String(number(delivery.id)),
      delivery.channel,
      truncate(target(delivery), TARGET_WIDTH),
      delivery.status,
      String(delivery.attemptCount),
      delivery.sentAt ? time(delivery.sentAt) : '',
      truncate(note(delivery, number), NOTE_WIDTH),
    ]),
  );
}

function renderAttempts(deliveries: DeliveryView[]): string[] {
  const number = numbering(deliveries);
  const rows = deliveries.flatMap((delivery) =>
    delivery.attempts.map((attempt) => [
      String(number(delivery.id)),
      String(attempt.number),
      time(attempt.startedAt),
      String(attempt.durationMs),
      attempt.outcome,
      attempt.providerCode ?? '',
      truncate(attempt.error ?? '', NOTE_WIDTH),
    ]),
  );
  if (rows.length === 0) return [];
  return renderTable(
    [
      { header: 'DELIVERY', align: 'right' },
      { header: 'ATTEMPT', align: 'right' },
      { header: 'STARTED' },
      { header: 'MS', align: 'right' },
      { header: 'OUTCOME' },
      { header: 'CODE' },
      { header: 'ERROR' },
    ],
    rows,
  );
}

/** `herald notifications list`: one row per notification, newest first as the API answers. */
export function renderNotificationList(page: ListResponse<NotificationSummaryView>): string[] {
  if (page.items.length === 0) return ['no notifications'];
  return renderTable(
    [{ header: 'ID' }, { header: 'TYPE' }, { header: 'STATUS' }, { header: 'CREATED' }, { header: 'SOURCE' }],
    page.items.map((item) => [
      item.id,
      item.type,
      item.status,
      time(item.createdAt),
      item.source ? `${item.source.kind}/${item.source.id}` : '',
    ]),
  );
}

/** `2026-11-22T10:00:00.123Z` → `2026-11-22 10:00:00Z`: seconds are enough to read, UTC kept explicit. */
export function time(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

function target(delivery: DeliveryView): string {
  const who = delivery.userId
    ? `user ${delivery.userId}`
    : delivery.notifier
      ? `notifier ${delivery.notifier}`
      : null;
  return [who, delivery.address].filter((part) => part).join(' ') || '-';
}

function note(delivery: DeliveryView, number: (id: string) => number | string): string {
  const parts = [
    delivery.fallbackOf ? `fallback for #${number(delivery.fallbackOf)}` : null,
    delivery.reason,
    delivery.status === 'sent' ? null : delivery.lastError,
  ];
  return parts.filter((part) => part).join('; ');
}

function numbering(deliveries: DeliveryView[]): (id: string) => number | string {
  const numbers = new Map(deliveries.map((delivery, index) => [delivery.id, index + 1]));
  return (id) => numbers.get(id) ?? id;
}
