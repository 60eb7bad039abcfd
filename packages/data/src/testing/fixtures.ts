import { randomUUID } from 'node:crypto';
import { DeliveryStatus } from '@herald/contracts';
import type { NewDelivery } from '../repositories/delivery.repository.js';
import type { NewNotification } from '../repositories/notification.repository.js';

/**
 * Rows for tests (`@herald/data/testing`): a plain accepted notification and a pending delivery,
 * with only what a test cares about given. Not used by any app.
 */
export function notificationFixture(overrides: Partial<NewNotification> = {}): NewNotification {
  return {
    id: randomUUID(),
    type: 'job.failed',
    source: null,
    trigger: null,
    data: {},
    actions: [],
    recipients: [],
    channels: null,
    idempotencyKey: null,
    apiKeyId: null,
    ...overrides,
  };
}

export function deliveryFixture(
  overrides: Partial<NewDelivery> & Pick<NewDelivery, 'notificationId'>,
): NewDelivery {
  return {
    id: randomUUID(),
    channel: 'webhook',
    notifierId: null,
    notifierName: null,
    userId: null,
    address: null,
    status: DeliveryStatus.Pending,
    reason: null,
    message: { title: 'T', markdown: 'B', text: 'B' },
    lastError: null,
    maxAttempts: 3,
    ...overrides,
  };
}
