import { DeliveryStatus } from '@herald/contracts';
import { eventually, HttpCatcher } from '@herald/testing';
import { HeraldStack } from './stack.js';

const EVENTS = 200;
const CONCURRENCY = 4;
// Each send stays in flight this long, so the kill cuts some of them off midway.
const RECEIVER_DELAY_MS = 150;
// A job of the killed worker comes back when BullMQ's lock on it lapses (dispatch timeout + 30 s)
// and a stalled-job check of the replacement notices (every 30 s): up to about a minute.
const RECOVERY_MS = 100_000;

/**
 * kill -9 of the webhook worker in the middle of 200 deliveries, then a replacement started as an
 * orchestrator would: every delivery ends `sent`, and the receiver sees at most as many duplicates
 * as the worker had sends in flight (the sends it made but never got to record).
 */
describe('kill -9 of a worker in the middle of deliveries', () => {
  const stack = new HeraldStack();
  const receiver = new HttpCatcher(() => ({ status: 200, body: 'ok', delayMs: RECEIVER_DELAY_MS }));
  let source: { kind: string; id: string };

  beforeAll(async () => {
    await receiver.start();
    await stack.start({
      // The shortest BullMQ lock the worker takes (dispatch timeout + 30 s), and lease with it.
      env: { HERALD_DISPATCH_TIMEOUT_MS: '1000' },
      appEnv: { 'worker-webhook': { HERALD_CONCURRENCY: String(CONCURRENCY) } },
    });
    source = await stack.addWebhook('deploys', receiver.url('/deploys'));
  }, 60_000);

  afterAll(async () => {
    await stack.stop();
    await receiver.stop();
  });

  it(
    `delivers all ${EVENTS}, with at most ${CONCURRENCY} duplicates`,
    async () => {
      const posted = await stack.postEvents(
        EVENTS,
        (index) => ({ type: 'deploy.finished', source, data: { index } }),
        20,
      );
      expect(posted.map((response) => response.status)).toEqual(new Array(EVENTS).fill(202));

      await eventually(
        () => (receiver.requests.length >= EVENTS / 4 ? true : undefined),
        30_000,
        'a quarter of the deliveries to reach the receiver',
      );
      await stack.kill('worker-webhook');
      const atKill = receiver.requests.length;
      expect(atKill).toBeLessThan(EVENTS);
      await stack.startApp('worker-webhook');

      const notifications = await stack.completed(
        posted.map((response) => response.body.id),
        RECOVERY_MS,
      );
      for (const notification of notifications) {
        expect(notification.deliveries).toHaveLength(1);
        expect(notification.deliveries[0]!.status).toBe(DeliveryStatus.Sent);
      }
      const arrivals = receiver.countByHeader('x-message-id');
      const deliveryIds = notifications.map((notification) => notification.deliveries[0]!.id);
      expect([...arrivals.keys()].sort()).toEqual([...deliveryIds].sort());
      const duplicates = receiver.requests.length - arrivals.size;
      expect(duplicates).toBeLessThanOrEqual(CONCURRENCY);
      expect([...arrivals.values()].every((count) => count <= 2)).toBe(true);
    },
    RECOVERY_MS + 60_000,
  );
});
