import { DeliveryStatus } from '@herald/contracts';
import { HttpCatcher, sleep } from '@herald/testing';
import { APPS, HeraldStack } from './stack.js';

const EVENTS = 100;

/**
 * Redis goes away (every app reaches it through a proxy the test cuts) while 100 events are posted:
 * each still gets its 202 (the row is committed, the outbox keeps it), and once Redis is back every
 * one is delivered — no manual step, no process restarted.
 */
describe('Redis stopped while events are posted', () => {
  const stack = new HeraldStack();
  const receiver = new HttpCatcher();
  let source: { kind: string; id: string };

  beforeAll(async () => {
    await receiver.start();
    await stack.start({
      proxyRedis: true,
      appEnv: { router: { HERALD_OUTBOX_INTERVAL_MS: '250', HERALD_OUTBOX_GRACE_MS: '500' } },
    });
    source = await stack.addWebhook('backups', receiver.url('/backups'));
  }, 60_000);

  afterAll(async () => {
    await stack.stop();
    await receiver.stop();
  });

  it(`accepts all ${EVENTS} events while it is down and delivers them all once it is back`, async () => {
    const proxy = stack.redisProxy!;
    const port = proxy.port;
    const pids = APPS.map((app) => stack.app(app).pid);

    await proxy.stop();
    const posted = await stack.postEvents(EVENTS, (index) => ({
      type: 'backup.finished',
      source,
      data: { index },
    }));
    expect(posted.map((response) => response.status)).toEqual(new Array(EVENTS).fill(202));
    const ids = posted.map((response) => response.body.id);
    expect(new Set(ids).size).toBe(EVENTS);
    // Let the apps notice and retry against a Redis that is not there.
    await sleep(2000);
    expect(receiver.requests).toHaveLength(0);

    await proxy.start(port);
    const notifications = await stack.completed(ids, 60_000);
    for (const notification of notifications) {
      expect(notification.deliveries).toHaveLength(1);
      expect(notification.deliveries[0]).toMatchObject({ status: DeliveryStatus.Sent, attemptCount: 1 });
    }
    const arrivals = receiver.countByHeader('x-message-id');
    expect(arrivals.size).toBe(EVENTS);
    expect([...arrivals.values()].every((count) => count === 1)).toBe(true);

    // Recovered by themselves: the very processes that saw Redis go are the ones that delivered.
    for (const [index, app] of APPS.entries()) {
      expect(stack.app(app)).toMatchObject({ running: true, pid: pids[index], starts: 1 });
    }
  }, 120_000);
});
