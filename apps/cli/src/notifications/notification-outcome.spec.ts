import {
  type DeliveryView,
  DeliveryStatus,
  NotificationStatus,
  type NotificationView,
} from '@herald/contracts';
import { failedDeliveries, testMessageSent } from './notification-outcome.js';

const withStatuses = (...statuses: DeliveryStatus[]): NotificationView => ({
  id: 'n',
  type: 'herald.test',
  status: NotificationStatus.Completed,
  createdAt: '2026-11-22T10:00:00.000Z',
  source: null,
  deliveries: statuses.map((status, index) => ({ id: `d${index}`, status }) as DeliveryView),
});

describe('notification outcome', () => {
  it('counts failed deliveries; skipped and cancelled ones are not failures', () => {
    expect(failedDeliveries(withStatuses(DeliveryStatus.Sent, DeliveryStatus.Skipped))).toBe(0);
    expect(failedDeliveries(withStatuses(DeliveryStatus.Cancelled))).toBe(0);
    expect(failedDeliveries(withStatuses(DeliveryStatus.Failed, DeliveryStatus.Sent))).toBe(1);
  });

  it('counts a test as sent only when it had deliveries and every one was sent', () => {
    expect(testMessageSent(withStatuses(DeliveryStatus.Sent))).toBe(true);
    expect(testMessageSent(withStatuses())).toBe(false);
    expect(testMessageSent(withStatuses(DeliveryStatus.Failed, DeliveryStatus.Sent))).toBe(false);
    expect(testMessageSent(withStatuses(DeliveryStatus.Skipped))).toBe(false);
  });
});
