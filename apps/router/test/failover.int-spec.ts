import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { AttemptOutcome, DeliveryStatus, QueueName } from '@herald/contracts';
import { HeraldData, migrateDatabase } from '@herald/data';
import { deliveryFixture, notificationFixture } from '@herald/data/testing';
import { createQueue, createRedisConnection } from '@herald/queue';
import {
  assertRedisReachable,
  createTestDatabase,
  deleteQueueKeys,
  freshQueuePrefix,
  TEST_REDIS_URL,
  type TestDatabase,
} from '@herald/testing';
import { RouterEnv } from '../src/config/router-env.js';
import { createRouter } from '../src/create-router.js';
import { ReconcilerService } from '../src/maintenance/reconciler.service.js';
import { FailoverService } from '../src/routing/failover.service.js';

const GONE = {
  number: 1,
  startedAt: new Date(),
  durationMs: 5,
  outcome: AttemptOutcome.Permanent,
  providerCode: '410',
  error: 'gone',
};

/** Failover to a notifier's fallback, against real Postgres and BullMQ. */
describe('failover', () => {
  const prefix = freshQueuePrefix();
  let database: TestDatabase;
  let data: HeraldData;
  let router: INestApplicationContext;
  let redis: Redis;
  let emailQueue: Queue;
  let failoverQueue: Queue;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await assertRedisReachable();
    database = await createTestDatabase(migrateDatabase);
    data = await HeraldData.connect({ url: database.url });
    const notifier = (name: string, type: string, config: Record<string, unknown>, fallback: string | null) =>
      data.notifiers.create({ name, type, description: null, isDefault: false, fallback, config });
    const smtp = { host: '127.0.0.1', port: 2525, security: 'none', from: 'h@example.com' };
    ids.backup = (await notifier('backup', 'email', { ...smtp, to: ['oncall@example.com'] }, null)).id;
    ids.hook = (await notifier('hook', 'webhook', { url: 'http://127.0.0.1:9/' }, 'backup')).id;
    // Two notifiers naming each other: a fallback is never failed over again.
    ids.loopA = (await notifier('loop_a', 'webhook', { url: 'http://127.0.0.1:9/a' }, null)).id;
    ids.loopB = (await notifier('loop_b', 'webhook', { url: 'http://127.0.0.1:9/b' }, 'loop_a')).id;
    await data.notifiers.update('loop_a', { fallback: 'loop_b' });
    await data.users.put('u-9', { email: 'nine@example.com', addresses: {} });
    router = await createRouter(
      RouterEnv.from({
        DATABASE_URL: database.url,
        REDIS_URL: TEST_REDIS_URL,
        HERALD_QUEUE_PREFIX: prefix,
        HERALD_RECONCILE_GRACE_MS: '1000',
        HERALD_RECONCILE_INTERVAL_MS: '1800000',
      }),
      ['error'],
    );
    redis = createRedisConnection(TEST_REDIS_URL, 'worker');
    emailQueue = createQueue('deliver.email', redis, prefix, { attempts: 3 });
    failoverQueue = createQueue(QueueName.Failover, redis, prefix, { attempts: 3 });
  });

  afterAll(async () => {
    await router?.close();
    await Promise.all([emailQueue, failoverQueue].map((queue) => queue?.close()));
    redis?.disconnect();
    await data?.close();
    await deleteQueueKeys(prefix);
    await database?.drop();
  });

  const sql = <Row>(text: string, params: unknown[] = []): Promise<Row[]> =>
    data.transaction((tx) => tx.query(text, params) as Promise<Row[]>);

  /** A routed notification whose one delivery, through `notifierId`, has just failed for good. */
  async function failedDelivery(
    notifierId: string,
    userId: string | null = null,
  ): Promise<{ notificationId: string; deliveryId: string }> {
    const notificationId = randomUUID();
    const deliveryId = randomUUID();
    await data.notifications.insert(notificationFixture({ id: notificationId }));
    await data.transaction(async (tx) => {
      await data.deliveries.insertMany(tx, [
        deliveryFixture({ id: deliveryId, notificationId, notifierId, userId }),
      ]);
      await tx.query(`UPDATE notifications SET status = 'routed' WHERE id = $1`, [notificationId]);
    });
    const claimed = await data.deliveries.claim(deliveryId, 60_000);
    expect(claimed).not.toBeNull();
    const recorded = await data.deliveries.recordAttempt(deliveryId, GONE, DeliveryStatus.Failed, 'gone');
    return { notificationId, deliveryId, ...recorded };
  }

  const deliveriesOf = (notificationId: string) =>
    sql<{
      id: string;
      channel: string;
      status: string;
      address: string | null;
      fallback_of: string | null;
      failover: string | null;
    }>(
      `SELECT id, channel, status, address, fallback_of, failover FROM deliveries WHERE notification_id = $1 ORDER BY created_at`,
      [notificationId],
    );

  it('marks the failure for failover, writes the fallback delivery once, and queues it', async () => {
    const failed = await failedDelivery(ids.hook!);
    expect(failed).toMatchObject({ failover: true });
    // Not completed while its failover is pending.
    await data.notifications.completeIfSettled(failed.notificationId);
    expect((await data.notifications.findById(failed.notificationId))!.status).toBe('routed');

    const failovers = router.get(FailoverService);
    await failovers.failover(failed.deliveryId);
    await failovers.failover(failed.deliveryId);

    const rows = await deliveriesOf(failed.notificationId);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ status: 'failed', failover: 'done', fallback_of: null });
    expect(rows[1]).toMatchObject({
      channel: 'email',
      status: 'pending',
      address: 'oncall@example.com',
      fallback_of: failed.deliveryId,
      failover: null,
    });
    expect((await emailQueue.getJob(rows[1]!.id))?.data).toEqual({ deliveryId: rows[1]!.id });
  });

  it("sends a user's delivery to the same user through the fallback's channel", async () => {
    const failed = await failedDelivery(ids.hook!, 'u-9');
    await router.get(FailoverService).failover(failed.deliveryId);
    const rows = await deliveriesOf(failed.notificationId);
    expect(rows[1]).toMatchObject({ channel: 'email', address: 'nine@example.com', status: 'pending' });
  });

  it('never fails a fallback over again, even when two notifiers name each other', async () => {
    const failed = await failedDelivery(ids.loopA!);
    await router.get(FailoverService).failover(failed.deliveryId);
    const [, fallback] = await deliveriesOf(failed.notificationId);
    expect(fallback).toMatchObject({ fallback_of: failed.deliveryId });
    await data.deliveries.claim(fallback!.id, 60_000);
    expect(await data.deliveries.recordAttempt(fallback!.id, GONE, DeliveryStatus.Failed, 'gone')).toEqual({
      failover: false,
    });
    await data.notifications.completeIfSettled(failed.notificationId);
    expect((await data.notifications.findById(failed.notificationId))!.status).toBe('completed');
  });

  it('asks again for a failover whose job was lost, once past the grace period', async () => {
    const failed = await failedDelivery(ids.hook!);
    // The worker could not reach Redis when it asked: no job exists.
    await sql(`UPDATE deliveries SET updated_at = now() - interval '1 minute' WHERE id = $1`, [
      failed.deliveryId,
    ]);
    const report = await router.get(ReconcilerService).run();
    expect(report.failovers).toBeGreaterThanOrEqual(1);
    let rows = await deliveriesOf(failed.notificationId);
    for (let i = 0; i < 200 && rows.length < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      rows = await deliveriesOf(failed.notificationId);
    }
    expect(rows[1]).toMatchObject({ fallback_of: failed.deliveryId, status: 'pending' });
  });
});
