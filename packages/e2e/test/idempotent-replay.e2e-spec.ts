import { DeliveryStatus, type ListResponse, type NotificationSummaryView } from '@herald/contracts';
import { HttpCatcher } from '@herald/testing';
import { HeraldStack } from './stack.js';

const COPIES = 20;

/**
 * A caller that retries hard (a timeout, a redelivered message) posts the same event with the same
 * idempotency key many times at once: Herald accepts one notification and sends one message.
 */
describe('the same idempotency key posted concurrently', () => {
  const stack = new HeraldStack();
  const receiver = new HttpCatcher();
  let source: { kind: string; id: string };

  beforeAll(async () => {
    await receiver.start();
    await stack.start();
    source = await stack.addWebhook('billing', receiver.url('/billing'));
  }, 60_000);

  afterAll(async () => {
    await stack.stop();
    await receiver.stop();
  });

  it(`makes one notification and one delivery out of ${COPIES} concurrent posts`, async () => {
    const event = { type: 'invoice.paid', source, data: { invoice: 'INV-7', amount: 120 } };
    const responses = await Promise.all(
      Array.from({ length: COPIES }, () =>
        stack.request<{ id: string; status: string }>('POST', '/v1/events', event, {
          headers: { 'Idempotency-Key': 'invoice-INV-7-paid' },
        }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(new Array(COPIES).fill(202));
    const ids = new Set(responses.map((response) => response.body.id));
    expect(ids.size).toBe(1);
    const replays = responses.filter((response) => response.headers.get('idempotent-replayed') === 'true');
    expect(replays).toHaveLength(COPIES - 1);

    const [id] = [...ids] as [string];
    const [notification] = await stack.completed([id]);
    expect(notification!.deliveries).toHaveLength(1);
    expect(notification!.deliveries[0]).toMatchObject({ status: DeliveryStatus.Sent, attemptCount: 1 });

    const listed = await stack.request<ListResponse<NotificationSummaryView>>(
      'GET',
      '/v1/notifications?type=invoice.paid',
    );
    expect(listed.body.items.map((item) => item.id)).toEqual([id]);
    expect(receiver.requests).toHaveLength(1);
  });
});
