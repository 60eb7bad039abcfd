import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { type Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { MaintenanceTask, QueueName } from '@herald/contracts';
import { HeraldData, migrateDatabase } from '@herald/data';
import { createQueue, createRedisConnection, queueKeyPrefix } from '@herald/queue';
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
import { RetentionService } from '../src/maintenance/retention.service.js';
import { deliveryFixture, notificationFixture } from '@herald/data/testing';

const RETENTION_INTERVAL_MS = 3_600_000;
const RECONCILE_INTERVAL_MS = 1_800_000;

/** Retention, the reconciler and their schedulers, against real Postgres and BullMQ. */
describe('router maintenance', () => {
  const prefix = freshQueuePrefix();
  let database: TestDatabase;
  let data: HeraldData;
  let router: INestApplicationContext;
  let redis: Redis;
  let emailQueue: Queue;
  let webhookQueue: Queue;
  let maintenanceQueue: Queue;

  beforeAll(async () => {
    await assertRedisReachable();
    database = await createTestDatabase(migrateDatabase);
    data = await HeraldData.connect({ url: database.url });
    router = await createRouter(
      RouterEnv.from({
        DATABASE_URL: database.url,
        REDIS_URL: TEST_REDIS_URL,
        HERALD_QUEUE_PREFIX: prefix,
        HERALD_RECONCILE_GRACE_MS: '1000',
        HERALD_RECONCILE_INTERVAL_MS: String(RECONCILE_INTERVAL_MS),
        HERALD_RETENTION_INTERVAL_MS: String(RETENTION_INTERVAL_MS),
        HERALD_RETENTION_DAYS: '7',
      }),
      ['error'],
    );
    redis = createRedisConnection(TEST_REDIS_URL, 'worker');
    emailQueue = createQueue('deliver.email', redis, prefix, { attempts: 3 });
    webhookQueue = createQueue('deliver.webhook', redis, prefix, { attempts: 3 });
    maintenanceQueue = createQueue(QueueName.Maintenance, redis, prefix, { attempts: 1 });
    // A new scheduler's first run is due at once: let both finish, so that no scheduled pass runs
    // beside the ones the tests start (the next is 30 minutes away).
    for (let i = 0; i < 400 && (await maintenanceQueue.getJobs(['completed'])).length < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  });

  afterAll(async () => {
    await router?.close();
    await Promise.all([emailQueue, webhookQueue, maintenanceQueue].map((queue) => queue?.close()));
    redis?.disconnect();
    await data?.close();
    await deleteQueueKeys(prefix);
    await database?.drop();
  });

  const sql = <Row>(text: string, params: unknown[] = []): Promise<Row[]> =>
    data.transaction((tx) => tx.query(text, params) as Promise<Row[]>);

  /** A routed notification with one delivery, then set as the test needs it. */
  async function delivery(channel = 'email'): Promise<{ notificationId: string; deliveryId: string }> {
    const notificationId = randomUUID();
    const deliveryId = randomUUID();
    await data.notifications.insert(
      notificationFixture({
        id: notificationId,
      }),
    );
    await data.transaction(async (tx) => {
      await data.deliveries.insertMany(tx, [
        deliveryFixture({
          id: deliveryId,
          notificationId,
          channel,
          address: 'ops@example.com',
          maxAttempts: 5,
        }),
      ]);
      await tx.query(`UPDATE notifications SET status = 'routed' WHERE id = $1`, [notificationId]);
    });
    return { notificationId, deliveryId };
  }

  const idle = (deliveryId: string) =>
    sql(`UPDATE deliveries SET updated_at = now() - interval '2 minutes' WHERE id = $1`, [deliveryId]);

  const reconcile = () => router.get(ReconcilerService).run();

  describe('reconciler', () => {
    it('re-enqueues a pending delivery that has no job, under its own id', async () => {
      const { deliveryId } = await delivery();
      await idle(deliveryId);
      expect(await emailQueue.getJob(deliveryId)).toBeUndefined();

      const report = await reconcile();
      expect(report.enqueued).toBeGreaterThanOrEqual(1);
      const job = await emailQueue.getJob(deliveryId);
      expect(job?.data).toEqual({ deliveryId });
      expect(await job?.getState()).toBe('waiting');
    });

    it('re-enqueues a sending delivery past its lease whose job finished, under a new id', async () => {
      const { deliveryId } = await delivery('webhook');
      // The job ran and finished (the worker that claimed it died after BullMQ gave up on it).
      const finisher = new Worker('deliver.webhook', async () => undefined, {
        connection: createRedisConnection(TEST_REDIS_URL, 'worker'),
        prefix: queueKeyPrefix(prefix, 'deliver.webhook'),
      });
      const job = await webhookQueue.add('deliver', { deliveryId }, { jobId: deliveryId });
      for (let i = 0; i < 200 && (await job.getState()) !== 'completed'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await finisher.close();
      expect(await job.getState()).toBe('completed');
      await sql(
        `UPDATE deliveries SET status = 'sending', attempt_count = 1,
                leased_until = now() - interval '2 minutes', updated_at = now() - interval '3 minutes'
          WHERE id = $1`,
        [deliveryId],
      );

      await reconcile();
      const redriven = await webhookQueue.getJob(`${deliveryId}-1`);
      expect(redriven?.data).toEqual({ deliveryId });
      expect(await redriven?.getState()).toBe('waiting');
      // Idempotent: a second pass finds that job live and adds nothing.
      await reconcile();
      expect(await webhookQueue.getJobCountByTypes('waiting')).toBe(1);
    });

    it('re-runs the route job of a notification left accepted after its job was lost', async () => {
      const id = randomUUID();
      await data.notifications.insert(
        notificationFixture({
          id,
          source: { kind: 'nowhere', id: 'lost' },
          channels: ['email'],
        }),
      );
      // Handed to the route queue a minute ago, yet no job exists: Redis lost it.
      await sql(`UPDATE notifications SET enqueued_at = now() - interval '1 minute' WHERE id = $1`, [id]);
      const report = await reconcile();
      expect(report.rerouted).toBeGreaterThanOrEqual(1);
      let status = 'accepted';
      for (let i = 0; i < 100 && status !== 'completed'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        status = (await data.notifications.findById(id))!.status;
      }
      expect(status).toBe('completed');
    });

    it('marks completed a routed notification whose deliveries all finished, once past the grace period', async () => {
      // The worker recorded `sent` and lost Postgres before it could settle the notification.
      const stale = await delivery();
      const fresh = await delivery();
      for (const { deliveryId } of [stale, fresh])
        await sql(`UPDATE deliveries SET status = 'sent' WHERE id = $1`, [deliveryId]);
      await sql(`UPDATE notifications SET updated_at = now() - interval '2 minutes' WHERE id = $1`, [
        stale.notificationId,
      ]);
      const open = await delivery();
      await sql(`UPDATE notifications SET updated_at = now() - interval '2 minutes' WHERE id = $1`, [
        open.notificationId,
      ]);

      const report = await reconcile();
      expect(report.settled).toBeGreaterThanOrEqual(1);
      const status = async (id: string) => (await data.notifications.findById(id))!.status;
      expect(await status(stale.notificationId)).toBe('completed');
      // Within the grace period: its worker may still be settling it.
      expect(await status(fresh.notificationId)).toBe('routed');
      // A delivery still open: not finished.
      expect(await status(open.notificationId)).toBe('routed');
    });

    it('leaves alone deliveries with a live job, within the grace period, or still leased', async () => {
      const queued = await delivery();
      await emailQueue.add(
        'deliver',
        { deliveryId: queued.deliveryId },
        { jobId: queued.deliveryId, delay: 60_000 },
      );
      await idle(queued.deliveryId);
      const fresh = await delivery();
      const leased = await delivery();
      await sql(
        `UPDATE deliveries SET status = 'sending', leased_until = now() + interval '1 minute',
                updated_at = now() - interval '5 minutes' WHERE id = $1`,
        [leased.deliveryId],
      );

      await reconcile();
      expect(await (await emailQueue.getJob(queued.deliveryId))?.getState()).toBe('delayed');
      expect(await emailQueue.getJob(`${queued.deliveryId}-0`)).toBeUndefined();
      expect(await emailQueue.getJob(fresh.deliveryId)).toBeUndefined();
      expect(await emailQueue.getJob(leased.deliveryId)).toBeUndefined();
    });

    it('leaves the deliveries of a paused channel waiting, and re-drives them once it resumes', async () => {
      await webhookQueue.pause();
      try {
        const { deliveryId } = await delivery('webhook');
        await idle(deliveryId);
        await reconcile();
        expect(await webhookQueue.getJob(deliveryId)).toBeUndefined();

        await webhookQueue.resume();
        await reconcile();
        expect(await webhookQueue.getJob(deliveryId)).toBeDefined();
      } finally {
        await webhookQueue.resume();
      }
    });
  });

  describe('retention', () => {
    it('deletes completed notifications past retention with their deliveries; keeps the rest', async () => {
      const [oldDone, recentDone, oldOpen] = [await delivery(), await delivery(), await delivery()];
      await sql(`UPDATE deliveries SET status = 'sent' WHERE notification_id = ANY($1)`, [
        [oldDone.notificationId, recentDone.notificationId],
      ]);
      await sql(`UPDATE notifications SET status = 'completed' WHERE id = ANY($1)`, [
        [oldDone.notificationId, recentDone.notificationId],
      ]);
      await sql(
        `UPDATE notifications SET updated_at = now() - interval '8 days', created_at = now() - interval '8 days'
          WHERE id = ANY($1)`,
        [[oldDone.notificationId, oldOpen.notificationId]],
      );
      await sql(`UPDATE notifications SET updated_at = now() - interval '6 days' WHERE id = $1`, [
        recentDone.notificationId,
      ]);

      const report = await router.get(RetentionService).run();
      expect(report.purged).toBe(1);
      expect(await data.notifications.findById(oldDone.notificationId)).toBeNull();
      expect(await sql(`SELECT id FROM deliveries WHERE id = $1`, [oldDone.deliveryId])).toEqual([]);
      expect(await data.notifications.findById(recentDone.notificationId)).not.toBeNull();
      expect((await data.notifications.findView(oldOpen.notificationId))?.deliveries).toHaveLength(1);
    });

    it('releases idempotency keys older than 24 hours', async () => {
      const key = (suffix: string) => `retention-${suffix}-${randomUUID()}`;
      const [oldId, newId] = [randomUUID(), randomUUID()];
      for (const [id, idempotencyKey] of [
        [oldId, key('old')],
        [newId, key('new')],
      ] as const) {
        await data.notifications.insert(
          notificationFixture({
            id,
            idempotencyKey,
          }),
        );
      }
      await sql(`UPDATE notifications SET created_at = now() - interval '25 hours' WHERE id = $1`, [oldId]);

      const report = await router.get(RetentionService).run();
      expect(report.released).toBe(1);
      expect((await data.notifications.findById(oldId))?.idempotencyKey).toBeNull();
      expect((await data.notifications.findById(newId))?.idempotencyKey).toMatch(/^retention-new-/);
    });
  });

  it('schedules both tasks on the maintenance queue, and runs them', async () => {
    expect(await maintenanceQueue.getJobScheduler(MaintenanceTask.Retention)).toMatchObject({
      every: RETENTION_INTERVAL_MS,
      template: { data: { task: MaintenanceTask.Retention } },
    });
    expect(await maintenanceQueue.getJobScheduler(MaintenanceTask.Reconcile)).toMatchObject({
      every: RECONCILE_INTERVAL_MS,
      template: { data: { task: MaintenanceTask.Reconcile } },
    });
    // A new scheduler's first run is due at once; the router's maintenance worker takes it.
    let done: string[] = [];
    for (let i = 0; i < 200 && done.length < 2; i++) {
      done = (await maintenanceQueue.getJobs(['completed'])).map((job) => job.name).sort();
      if (done.length < 2) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(done).toEqual([MaintenanceTask.Reconcile, MaintenanceTask.Retention]);
  });
});
