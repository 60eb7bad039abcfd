import { type AdminStatusView, DeliveryStatus, NotificationStatus } from '@herald/contracts';
import { HttpCatcher, mapWithConcurrency, sleep } from '@herald/testing';
import { HeraldStack } from './stack.js';

const EVENTS = 50;

/**
 * The kill switch holds through a restart of everything: paused, 50 events are accepted and routed
 * but nothing is sent, every process is restarted, still nothing; resume, and all 50 go out.
 */
describe('pause, post, restart every process, resume', () => {
  const stack = new HeraldStack();
  const receiver = new HttpCatcher();
  let source: { kind: string; id: string };

  beforeAll(async () => {
    await receiver.start();
    await stack.start();
    source = await stack.addWebhook('releases', receiver.url('/releases'));
  }, 60_000);

  afterAll(async () => {
    await stack.stop();
    await receiver.stop();
  });

  it(`delivers all ${EVENTS} on resume and none before`, async () => {
    const paused = await stack.request<AdminStatusView>('POST', '/v1/admin/pause');
    expect(paused.status).toBe(200);
    expect(paused.body.paused).toBe(true);

    const posted = await stack.postEvents(EVENTS, (index) => ({
      type: 'release.published',
      source,
      data: { index },
    }));
    expect(posted.map((response) => response.status)).toEqual(new Array(EVENTS).fill(202));
    const ids = posted.map((response) => response.body.id);

    // Routing goes on while paused: the deliveries exist and wait.
    await stack.until(
      ids,
      (view) =>
        view.status === NotificationStatus.Routed &&
        view.deliveries.length === 1 &&
        view.deliveries[0]!.status === DeliveryStatus.Pending,
      `all ${EVENTS} notifications routed with their delivery pending`,
      20_000,
    );

    await stack.restartAll();
    const status = await stack.request<AdminStatusView>('GET', '/v1/admin/status');
    expect(status.status).toBe(200);
    expect(status.body.paused).toBe(true);
    expect(status.body.channels.webhook).toMatchObject({ paused: true });
    // The restarted worker has had time to take jobs, were it going to.
    await sleep(2000);
    expect(receiver.requests).toHaveLength(0);
    const stillWaiting = await mapWithConcurrency(ids, 10, (id) => stack.notification(id));
    expect(stillWaiting.map((view) => view.deliveries[0]!.status)).toEqual(
      new Array(EVENTS).fill(DeliveryStatus.Pending),
    );

    const resumedAt = Date.now();
    const resumed = await stack.request<AdminStatusView>('POST', '/v1/admin/resume');
    expect(resumed.status).toBe(200);
    expect(resumed.body.paused).toBe(false);

    const notifications = await stack.completed(ids, 30_000);
    for (const notification of notifications) {
      expect(notification.deliveries[0]).toMatchObject({ status: DeliveryStatus.Sent, attemptCount: 1 });
    }
    expect(receiver.countByHeader('x-message-id').size).toBe(EVENTS);
    expect(receiver.requests).toHaveLength(EVENTS);
    expect(receiver.requests.filter((request) => request.at < resumedAt)).toEqual([]);
  }, 120_000);
});
