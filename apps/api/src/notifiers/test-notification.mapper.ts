import type { NewNotification, NotifierRecord } from '@herald/data';

export const TEST_NOTIFICATION_TYPE = 'herald.test';
export const TEST_TRIGGER = 'test';

/**
 * The notification `POST /v1/notifiers/:name/test` sends: aimed at that notifier only, with the
 * `test` trigger so the router renders the notifier's `test` (else `default`) custom message.
 */
export function toTestNotification(
  notifier: Pick<NotifierRecord, 'id' | 'name' | 'type'>,
  ids: { id: string; apiKeyId: string },
): NewNotification {
  return {
    id: ids.id,
    type: TEST_NOTIFICATION_TYPE,
    source: null,
    trigger: TEST_TRIGGER,
    data: {
      title: 'Test message from Herald',
      message: `This is a test of the ${notifier.type} notifier "${notifier.name}". If you can read it, it works.`,
    },
    actions: [],
    recipients: [],
    channels: null,
    idempotencyKey: null,
    apiKeyId: ids.apiKeyId,
    notifierId: notifier.id,
  };
}
