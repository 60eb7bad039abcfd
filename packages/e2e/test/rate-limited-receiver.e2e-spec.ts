import { AttemptOutcome, DeliveryStatus, type NotificationView } from '@herald/contracts';
import { eventually, HttpCatcher } from '@herald/testing';
import { HeraldStack } from './stack.js';

const RETRY_AFTER_S = 2;

/**
 * A receiver that says "429, Retry-After: 2" is waited out: nothing goes to the channel before the
 * two seconds are up, and the wait costs the delivery no attempt.
 */
describe('a receiver answering 429 with Retry-After', () => {
  const stack = new HeraldStack();
  let limitedAt: number | undefined;
  const receiver = new HttpCatcher((request) => {
    if (limitedAt !== undefined) return { status: 200, body: 'ok' };
    limitedAt = request.at;
    return { status: 429, body: 'slow down', headers: { 'retry-after': String(RETRY_AFTER_S) } };
  });
  let source: { kind: string; id: string };

  beforeAll(async () => {
    await receiver.start();
    await stack.start();
    source = await stack.addWebhook('limited', receiver.url('/limited'));
  }, 60_000);

  afterAll(async () => {
    await stack.stop();
    await receiver.stop();
  });

  it('sends nothing before Retry-After, then sends without using up an attempt', async () => {
    const first = await stack.request<{ id: string }>('POST', '/v1/events', {
      type: 'quota.warning',
      source,
      data: { n: 1 },
    });
    expect(first.status).toBe(202);

    // Once the 429 is on record, the whole channel is held: an event posted now waits as well.
    await eventually(
      async () => {
        const view = await stack.notification(first.body.id);
        const attempts = view.deliveries[0]?.attempts ?? [];
        return attempts.some((a) => a.outcome === AttemptOutcome.RateLimited) ? true : undefined;
      },
      15_000,
      'the rate-limited attempt to be recorded',
    );
    const second = await stack.request<{ id: string }>('POST', '/v1/events', {
      type: 'quota.warning',
      source,
      data: { n: 2 },
    });
    expect(second.status).toBe(202);

    const [limited, other] = await stack.completed([first.body.id, second.body.id], 20_000);
    expect(limitedAt).toBeDefined();
    const requests = receiver.requests;
    expect(requests).toHaveLength(3);
    const [refused, ...after] = requests;
    expect(refused!.at).toBe(limitedAt);
    for (const request of after) expect(request.at - limitedAt!).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000);

    const delivery = (limited as NotificationView).deliveries[0]!;
    expect(delivery).toMatchObject({ status: DeliveryStatus.Sent, attemptCount: 1, lastError: null });
    expect(delivery.attempts.map((a) => [a.number, a.outcome, a.providerCode])).toEqual([
      [1, AttemptOutcome.RateLimited, '429'],
      [1, AttemptOutcome.Sent, '200'],
    ]);
    expect(receiver.countByHeader('x-message-id').get(delivery.id)).toBe(2);

    expect((other as NotificationView).deliveries[0]).toMatchObject({
      status: DeliveryStatus.Sent,
      attemptCount: 1,
      attempts: [expect.objectContaining({ outcome: AttemptOutcome.Sent })],
    });
  }, 60_000);
});
