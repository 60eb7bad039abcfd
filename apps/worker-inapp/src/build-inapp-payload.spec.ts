import { ChannelName } from '@herald/contracts';
import { DeliveryError, DeliveryErrorCode } from '@herald/worker-kit';
import { outboundDelivery } from '@herald/worker-kit/testing';
import { buildInAppPayload } from './build-inapp-payload.js';

const delivery = outboundDelivery({ channel: ChannelName.InApp, address: 'u-1' });

describe('buildInAppPayload', () => {
  it('is the inbox row of the delivery: its user, message and notification', () => {
    expect(buildInAppPayload(delivery, {})).toEqual({
      userId: 'u-1',
      deliveryId: '0b9f5a52-5d0e-4a57-9a43-1f2a7c3e8d10',
      notificationId: '6d1c2f0e-3b7a-4c55-8e0f-2a9b4c6d8e01',
      type: 'job.failed',
      title: 'Job deploy web failed',
      markdown: 'The job **deploy web** failed. [Open job](https://ci.example.com/jobs/42)',
      text: 'The job deploy web failed. Open job: https://ci.example.com/jobs/42',
      actions: [{ label: 'Open job', url: 'https://ci.example.com/jobs/42' }],
      data: { job: 'deploy web', run: 7, tags: ['prod'], author: { login: 'ada' } },
      ttlDays: null,
    });
  });

  it('keeps the text of a title whose Markdown has links and code', () => {
    const titled = outboundDelivery({
      ...delivery,
      message: { ...delivery.message, title: 'Deploy of `web` to [prod](https://prod.example.com) failed' },
    });
    expect(buildInAppPayload(titled, {}).title).toBe(
      'Deploy of web to prod (https://prod.example.com) failed',
    );
  });

  it('carries the notifier ttlDays for the expiry', () => {
    expect(buildInAppPayload(delivery, { ttlDays: 30 }).ttlDays).toBe(30);
  });

  it.each([
    [null, 'inapp delivers to users only'],
    ['u-gone', 'user u-gone no longer exists'],
  ])('fails for good without a user (address %s)', (address, message) => {
    const userless = outboundDelivery({ ...delivery, user: null, address });
    const error = refusalOf(() => buildInAppPayload(userless, {}));
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ code: DeliveryErrorCode.Permanent, message });
  });
});

function refusalOf(build: () => unknown): unknown {
  try {
    build();
  } catch (thrown) {
    return thrown;
  }
  throw new Error('expected a refusal');
}
