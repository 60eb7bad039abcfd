import {
  AttemptOutcome,
  type DeliveryView,
  DeliveryStatus,
  NotificationStatus,
  type NotificationView,
  SkipReason,
} from '@herald/contracts';
import { renderNotification, renderNotificationList, time } from './notification-table.js';

const delivery = (fields: Partial<DeliveryView>): DeliveryView => ({
  id: 'd',
  channel: 'webhook',
  notifier: null,
  userId: null,
  address: null,
  status: DeliveryStatus.Pending,
  reason: null,
  attemptCount: 0,
  attempts: [],
  lastError: null,
  sentAt: null,
  fallbackOf: null,
  ...fields,
});

const view: NotificationView = {
  id: 'n-1',
  type: 'job.failed',
  status: NotificationStatus.Completed,
  createdAt: '2026-11-22T10:00:00.123Z',
  source: { kind: 'project', id: 'web' },
  deliveries: [
    delivery({
      id: 'd-hook',
      notifier: 'ops_hook',
      address: 'http://hooks.example.com/ops',
      status: DeliveryStatus.Failed,
      attemptCount: 2,
      lastError: 'HTTP 410 Gone',
      attempts: [
        {
          number: 1,
          startedAt: '2026-11-22T10:00:01.000Z',
          durationMs: 12,
          outcome: AttemptOutcome.Retryable,
          providerCode: '503',
          error: 'HTTP 503\nService Unavailable',
        },
        {
          number: 2,
          startedAt: '2026-11-22T10:00:02.000Z',
          durationMs: 9,
          outcome: AttemptOutcome.Permanent,
          providerCode: '410',
          error: 'HTTP 410 Gone',
        },
      ],
    }),
    delivery({
      id: 'd-mail',
      channel: 'email',
      notifier: 'ops_mail',
      address: 'ops@example.com',
      status: DeliveryStatus.Sent,
      attemptCount: 1,
      sentAt: '2026-11-22T10:00:03.500Z',
      fallbackOf: 'd-hook',
    }),
    delivery({
      id: 'd-user',
      channel: 'email',
      userId: 'u-1',
      notifier: 'ops_mail',
      status: DeliveryStatus.Skipped,
      reason: SkipReason.OptedOut,
    }),
  ],
};

describe('renderNotification', () => {
  it('shows the notification, a numbered deliveries table, and every attempt', () => {
    expect(renderNotification(view)).toEqual([
      'notification n-1',
      'type     job.failed',
      'status   completed',
      'created  2026-11-22 10:00:00Z',
      'source   project/web',
      '',
      '#  CHANNEL  TARGET                                          STATUS   TRIES  SENT AT               NOTE',
      '1  webhook  notifier ops_hook http://hooks.example.com/ops  failed       2                        HTTP 410 Gone',
      '2  email    notifier ops_mail ops@example.com               sent         1  2026-11-22 10:00:03Z  fallback for #1',
      '3  email    user u-1                                        skipped      0                        opted_out',
      '',
      'DELIVERY  ATTEMPT  STARTED               MS  OUTCOME    CODE  ERROR',
      '       1        1  2026-11-22 10:00:01Z  12  retryable  503   HTTP 503 Service Unavailable',
      '       1        2  2026-11-22 10:00:02Z   9  permanent  410   HTTP 410 Gone',
    ]);
  });

  it('says so when the router has not made deliveries yet', () => {
    expect(
      renderNotification({ ...view, status: NotificationStatus.Accepted, source: null, deliveries: [] }),
    ).toEqual([
      'notification n-1',
      'type     job.failed',
      'status   accepted',
      'created  2026-11-22 10:00:00Z',
      'source   -',
      '',
      'no deliveries yet',
    ]);
  });
});

describe('renderNotificationList', () => {
  it('is one row per notification', () => {
    expect(
      renderNotificationList({
        items: [view, { ...view, id: 'n-2', type: 'demo.hello', source: null }],
        nextCursor: null,
      }),
    ).toEqual([
      'ID   TYPE        STATUS     CREATED               SOURCE',
      'n-1  job.failed  completed  2026-11-22 10:00:00Z  project/web',
      'n-2  demo.hello  completed  2026-11-22 10:00:00Z',
    ]);
    expect(renderNotificationList({ items: [], nextCursor: null })).toEqual(['no notifications']);
  });
});

describe('time', () => {
  it('drops the milliseconds and keeps the zone', () => {
    expect(time('2026-01-02T03:04:05.678Z')).toBe('2026-01-02 03:04:05Z');
    expect(time('2026-01-02T03:04:05Z')).toBe('2026-01-02 03:04:05Z');
  });
});
