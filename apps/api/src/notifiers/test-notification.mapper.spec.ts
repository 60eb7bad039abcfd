import { toTestNotification } from './test-notification.mapper.js';

describe('toTestNotification', () => {
  it('aims a herald.test notification with the test trigger at the one notifier', () => {
    const notifier = { id: '0b6f9a8e-3c9d-4f7e-9a55-0f2b1d2c3e4f', name: 'ops_hook', type: 'webhook' };
    expect(toTestNotification(notifier, { id: 'n-1', apiKeyId: 'key-1' })).toEqual({
      id: 'n-1',
      type: 'herald.test',
      source: null,
      trigger: 'test',
      data: {
        title: 'Test message from Herald',
        message: 'This is a test of the webhook notifier "ops_hook". If you can read it, it works.',
      },
      actions: [],
      recipients: [],
      channels: null,
      idempotencyKey: null,
      apiKeyId: 'key-1',
      notifierId: notifier.id,
    });
  });
});
