import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { type Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { ChannelName, DeliveryStatus, type DeliveryView } from '@herald/contracts';
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
import { type ChannelAdapter, createChannelWorker, type SendResult, WorkerEnv } from '../src/index.js';
import { deliveryFixture, notificationFixture } from '@herald/data/testing';

const QUEUE = 'deliver.webhook';
const DISPATCH_TIMEOUT_MS = 300;

/** A worker that dies mid-send: its delivery stays `sending` and its BullMQ job stays active. */
describe('recovery of a send whose worker died', () => {
  const prefix = freshQueuePrefix();
  const sent: { id: string; attemptNumber: number }[] = [];
  const leasesSeen = new Map<string, number>();
  let database: TestDatabase;
  let data: HeraldData;
  let redis: Redis;
  let queue: Queue;
  let worker: INestApplicationContext | undefined;
  let notifierId: string;

  const adapter: ChannelAdapter = {
    channel: ChannelName.Webhook,
    async send(delivery): Promise<SendResult> {
      const [row] = (await data.transaction((tx) =>
        tx.query(
          `SELECT extract(epoch FROM leased_until - now()) * 1000 AS ms FROM deliveries WHERE id = $1`,
          [delivery.id],
        ),
      )) as { ms: number }[];
      leasesSeen.set(delivery.id, Number(row!.ms));
      sent.push({ id: delivery.id, attemptNumber: delivery.attemptNumber });
      return { providerCode: '200' };
    },
  };

  beforeAll(async () => {
    await assertRedisReachable();
    database = await createTestDatabase(migrateDatabase);
    data = await HeraldData.connect({ url: database.url });
    redis = createRedisConnection(TEST_REDIS_URL, 'worker');
    queue = createQueue(QUEUE, redis, prefix, { attempts: 3 });
    notifierId = (
      await data.notifiers.create({
        name: 'hook',
        type: 'webhook',
        description: null,
        isDefault: false,
        fallback: null,
        config: { url: 'http://127.0.0.1:9/' },
      })
    ).id;
  });

  afterAll(async () => {
    await worker?.close();
    await queue?.close();
    redis?.disconnect();
    await data?.close();
    await deleteQueueKeys(prefix);
    await database?.drop();
  });

  async function startKitWorker(): Promise<void> {
    worker ??= await createChannelWorker(
      adapter,
      WorkerEnv.from({
        DATABASE_URL: database.url,
        REDIS_URL: TEST_REDIS_URL,
        HERALD_QUEUE_PREFIX: prefix,
        HERALD_DISPATCH_TIMEOUT_MS: String(DISPATCH_TIMEOUT_MS),
      }),
      ['error'],
    );
  }

  async function pendingDelivery(): Promise<{ notificationId: string; deliveryId: string }> {
    const notificationId = randomUUID();
    const deliveryId = randomUUID();
    await data.notifications.insert(
      notificationFixture({
        id: notificationId,
        type: 'test.event',
      }),
    );
    await data.transaction(async (tx) => {
      await data.deliveries.insertMany(tx, [
        deliveryFixture({
          id: deliveryId,
          notificationId,
          notifierId,
          notifierName: 'hook',
          address: 'http://127.0.0.1:9/',
        }),
      ]);
      await tx.query(`UPDATE notifications SET status = 'routed' WHERE id = $1`, [notificationId]);
    });
    return { notificationId, deliveryId };
  }

  async function eventually<Value>(read: () => Promise<Value | null>, expected: Value): Promise<void> {
    let last: Value | null = null;
    for (let i = 0; i < 200 && last !== expected; i++) {
      last = await read();
      if (last !== expected) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(last).toBe(expected);
  }

  async function settled(notificationId: string): Promise<DeliveryView> {
    for (let i = 0; i < 400; i++) {
      const view = await data.notifications.findView(notificationId);
      const delivery = view?.deliveries[0];
      if (delivery?.status === 'sent' && view?.status === 'completed') return delivery;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`delivery of ${notificationId} was not sent`);
  }

  it('is claimed and sent again once BullMQ re-runs the stalled job after the lock and lease lapse', async () => {
    const { notificationId, deliveryId } = await pendingDelivery();
    await queue.add('deliver', { deliveryId }, { jobId: deliveryId });

    // A worker with a 1 s lock claims with a lease a little shorter (as the kit does with its
    // lock), then hangs; force-closing it stops its lock renewal, the way a crash would.
    let claimed!: () => void;
    const hasClaimed = new Promise<void>((resolve) => (claimed = resolve));
    const doomed = new Worker(
      QUEUE,
      async (job) => {
        await data.deliveries.claim(job.data.deliveryId as string, 800);
        claimed();
        await new Promise(() => undefined);
      },
      {
        connection: createRedisConnection(TEST_REDIS_URL, 'worker'),
        prefix: queueKeyPrefix(prefix, QUEUE),
        lockDuration: 1000,
        // Its own stalled check would hold off every other one for 30 s.
        skipStalledCheck: true,
      },
    );
    await hasClaimed;
    await doomed.close(true);
    expect(await data.deliveries.findStatus(deliveryId)).toBe(DeliveryStatus.Sending);
    expect(await (await queue.getJob(deliveryId))?.getState()).toBe('active');

    // BullMQ's stalled-job check, every 200 ms instead of 30 s to keep the test short: once the
    // lock has lapsed it moves the job back to wait.
    const watchdog = new Worker(QUEUE, null, {
      connection: createRedisConnection(TEST_REDIS_URL, 'worker'),
      prefix: queueKeyPrefix(prefix, QUEUE),
      autorun: false,
      stalledInterval: 200,
    });
    await watchdog.startStalledCheckTimer();
    try {
      await eventually(async () => (await queue.getJob(deliveryId))?.getState() ?? null, 'waiting');
    } finally {
      await watchdog.close();
    }
    // The re-run must find the lease over, as it does after a real lock duration.
    await eventually(async () => {
      const rows = (await data.transaction((tx) =>
        tx.query(`SELECT leased_until < now() AS over FROM deliveries WHERE id = $1`, [deliveryId]),
      )) as { over: boolean }[];
      return rows[0]?.over ?? null;
    }, true);

    await startKitWorker();
    const delivery = await settled(notificationId);
    expect(delivery).toMatchObject({ status: 'sent', attemptCount: 2 });
    expect(delivery.attempts).toEqual([expect.objectContaining({ number: 2, outcome: 'sent' })]);
    expect(sent.filter((send) => send.id === deliveryId)).toEqual([{ id: deliveryId, attemptNumber: 2 }]);
  });

  it('leases a claimed delivery until just before the BullMQ lock (dispatch timeout + 30 s) lapses', async () => {
    await startKitWorker();
    const { notificationId, deliveryId } = await pendingDelivery();
    await queue.add('deliver', { deliveryId }, { jobId: deliveryId });
    await settled(notificationId);
    const lease = leasesSeen.get(deliveryId)!;
    // Dispatch timeout + 25 s, read a few milliseconds after the claim.
    expect(lease).toBeGreaterThan(DISPATCH_TIMEOUT_MS + 25_000 - 2000);
    expect(lease).toBeLessThanOrEqual(DISPATCH_TIMEOUT_MS + 25_000);
  });

  it('leaves a delivery alone while its lease runs: a second run of the job sends nothing', async () => {
    await startKitWorker();
    const { deliveryId } = await pendingDelivery();
    await data.deliveries.claim(deliveryId, 60_000);
    const job = await queue.add('deliver', { deliveryId }, { jobId: deliveryId });
    for (let i = 0; i < 200 && (await job.getState()) !== 'completed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(await job.getState()).toBe('completed');
    expect(await data.deliveries.findStatus(deliveryId)).toBe(DeliveryStatus.Sending);
    expect(sent.some((send) => send.id === deliveryId)).toBe(false);
  });
});

/** A run that recorded the outcome but lost Postgres before settling the notification. */
describe('re-run of a job whose delivery already finished', () => {
  it('marks the notification completed and sends nothing', async () => {
    await assertRedisReachable();
    const database = await createTestDatabase(migrateDatabase);
    const data = await HeraldData.connect({ url: database.url });
    const prefix = freshQueuePrefix();
    const sends: string[] = [];
    const worker = await createChannelWorker(
      {
        channel: ChannelName.Webhook,
        send: async (delivery) => {
          sends.push(delivery.id);
          return { providerCode: '200' };
        },
      },
      WorkerEnv.from({ DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, HERALD_QUEUE_PREFIX: prefix }),
      ['error'],
    );
    const redis = createRedisConnection(TEST_REDIS_URL, 'worker');
    const queue = createQueue(QUEUE, redis, prefix, { attempts: 3 });
    try {
      const notificationId = randomUUID();
      const deliveryId = randomUUID();
      await data.notifications.insert(notificationFixture({ id: notificationId }));
      await data.transaction(async (tx) => {
        await data.deliveries.insertMany(tx, [deliveryFixture({ id: deliveryId, notificationId })]);
        await tx.query(`UPDATE deliveries SET status = 'sent' WHERE id = $1`, [deliveryId]);
        await tx.query(`UPDATE notifications SET status = 'routed' WHERE id = $1`, [notificationId]);
      });

      const job = await queue.add('deliver', { deliveryId }, { jobId: deliveryId });
      for (let i = 0; i < 200 && (await job.getState()) !== 'completed'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(await job.getState()).toBe('completed');
      expect((await data.notifications.findById(notificationId))!.status).toBe('completed');
      expect(sends).toEqual([]);
    } finally {
      await worker.close();
      await queue.close();
      redis.disconnect();
      await data.close();
      await deleteQueueKeys(prefix);
      await database.drop();
    }
  });
});
