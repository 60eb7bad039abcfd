import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { ChannelName, type DeliveryView, inboxChannelName, type InboxPublication } from '@herald/contracts';
import { HeraldData, migrateDatabase } from '@herald/data';
import { deliveryFixture, notificationFixture } from '@herald/data/testing';
import { createQueue, createRedisConnection } from '@herald/queue';
import {
  assertRedisReachable,
  createTestDatabase,
  deleteQueueKeys,
  eventually,
  freshQueuePrefix,
  TcpProxy,
  TEST_REDIS_URL,
  type TestDatabase,
} from '@herald/testing';
import { createChannelWorker, WorkerEnv } from '@herald/worker-kit';
import { outboundDelivery, outboundNotifier } from '@herald/worker-kit/testing';
import { InAppAdapter } from './inapp.adapter.js';

describe('InAppAdapter in the real worker runtime (Postgres, Redis, BullMQ)', () => {
  const prefix = freshQueuePrefix();
  let database: TestDatabase;
  let data: HeraldData;
  let worker: INestApplicationContext;
  let producer: Redis;
  let subscriber: Redis;
  // bullmq is the runtime's dependency, not this app's: its Queue type comes through the factory.
  let queue: ReturnType<typeof createQueue>;
  let notifierId: string;
  const published: InboxPublication[] = [];

  beforeAll(async () => {
    await assertRedisReachable();
    database = await createTestDatabase(migrateDatabase);
    data = await HeraldData.connect({ url: database.url });
    subscriber = createRedisConnection(TEST_REDIS_URL, 'worker');
    subscriber.on('message', (_channel: string, message: string) => published.push(JSON.parse(message)));
    await subscriber.subscribe(inboxChannelName(prefix));
    worker = await createChannelWorker(
      new InAppAdapter(),
      WorkerEnv.from({
        DATABASE_URL: database.url,
        REDIS_URL: TEST_REDIS_URL,
        HERALD_QUEUE_PREFIX: prefix,
        HERALD_BACKOFF_BASE_MS: '50',
        HERALD_BACKOFF_CAP_MS: '200',
      }),
      ['error'],
    );
    producer = createRedisConnection(TEST_REDIS_URL, 'worker');
    queue = createQueue('deliver.inapp', producer, prefix, { attempts: 3 });
    notifierId = (
      await data.notifiers.create({
        name: 'inbox',
        type: ChannelName.InApp,
        description: null,
        isDefault: true,
        fallback: null,
        config: {},
      })
    ).id;
    await data.users.put('u-1', { email: 'ada@example.com', name: 'Ada' });
  });

  afterAll(async () => {
    await worker?.close();
    await queue?.close();
    producer?.disconnect();
    subscriber?.disconnect();
    await data?.close();
    await deleteQueueKeys(prefix);
    await database?.drop();
  });

  /** A routed notification with one inapp delivery, and its job on the queue. */
  async function deliver(userId: string | null): Promise<{ notificationId: string; deliveryId: string }> {
    const notificationId = randomUUID();
    const deliveryId = randomUUID();
    await data.notifications.insert(
      notificationFixture({
        id: notificationId,
        type: 'job.failed',
        data: { job: 'deploy web' },
        actions: [{ label: 'Open job', url: 'https://ci.example.com/jobs/42' }],
      }),
    );
    await data.transaction(async (tx) => {
      await data.deliveries.insertMany(tx, [
        deliveryFixture({
          id: deliveryId,
          notificationId,
          channel: ChannelName.InApp,
          notifierId,
          notifierName: 'inbox',
          userId,
          address: userId,
          message: { title: 'Job **deploy web** failed', markdown: 'It **failed**.', text: 'It failed.' },
        }),
      ]);
      await tx.query(`UPDATE notifications SET status = 'routed' WHERE id = $1`, [notificationId]);
    });
    await queue.add('deliver', { deliveryId }, { jobId: deliveryId, attempts: 3 });
    return { notificationId, deliveryId };
  }

  function settled(notificationId: string): Promise<DeliveryView> {
    return eventually(
      async () => {
        const view = await data.notifications.findView(notificationId);
        const delivery = view?.deliveries[0];
        return delivery && ['sent', 'failed'].includes(delivery.status) && view?.status === 'completed'
          ? delivery
          : undefined;
      },
      10_000,
      `delivery of ${notificationId} to settle`,
      25,
    );
  }

  async function rowsOf(deliveryId: string): Promise<{ id: string; user_id: string }[]> {
    return data.transaction((tx) =>
      tx.query('SELECT id, user_id FROM inbox_items WHERE delivery_id = $1', [deliveryId]),
    );
  }

  it('stores the item in the user inbox and publishes it on the inbox channel', async () => {
    const { notificationId, deliveryId } = await deliver('u-1');
    const delivery = await settled(notificationId);
    const rows = await rowsOf(deliveryId);
    expect(rows).toEqual([{ id: expect.any(String), user_id: 'u-1' }]);
    expect(delivery).toMatchObject({ status: 'sent', attemptCount: 1 });

    const page = await data.inbox.list('u-1', { limit: 10 });
    const item = page.items.find((candidate) => candidate.id === rows[0]!.id);
    expect(item).toMatchObject({
      notificationId,
      type: 'job.failed',
      title: 'Job deploy web failed',
      markdown: 'It **failed**.',
      text: 'It failed.',
      actions: [{ label: 'Open job', url: 'https://ci.example.com/jobs/42' }],
      data: { job: 'deploy web' },
      readAt: null,
    });
    const message = await eventually(
      () => published.find((candidate) => candidate.item.id === rows[0]!.id),
      5000,
      'the publication of the item',
    );
    expect(message).toEqual({ userId: 'u-1', item });
  });

  it('writes one row when the delivery runs again after it was stored', async () => {
    const { notificationId, deliveryId } = await deliver('u-1');
    await settled(notificationId);
    // A crash between the insert and the record: the delivery is open again and re-enqueued.
    await data.transaction((tx) =>
      tx
        .query(`UPDATE deliveries SET status = 'pending' WHERE id = $1`, [deliveryId])
        .then(() => tx.query(`UPDATE notifications SET status = 'routed' WHERE id = $1`, [notificationId])),
    );
    await queue.add('deliver', { deliveryId }, { jobId: `${deliveryId}-again`, attempts: 3 });
    const delivery = await eventually(
      async () => {
        const view = await settled(notificationId);
        return view.attemptCount === 2 ? view : undefined;
      },
      10_000,
      'the second run',
    );
    expect(delivery.status).toBe('sent');
    const rows = await rowsOf(deliveryId);
    expect(rows).toHaveLength(1);
    // Pushed both times, with the same item: a stream drops the repeat by its id.
    await eventually(
      () => (published.filter((message) => message.item.id === rows[0]!.id).length === 2 ? true : undefined),
      5000,
      'a second publication',
    );
  });

  it('fails for good a delivery to a notifier target, which has no inbox', async () => {
    const { notificationId, deliveryId } = await deliver(null);
    const delivery = await settled(notificationId);
    expect(delivery).toMatchObject({
      status: 'failed',
      attemptCount: 1,
      lastError: 'inapp delivers to users only',
    });
    expect(await rowsOf(deliveryId)).toEqual([]);
  });

  it('fails for good a delivery whose user was deleted after routing', async () => {
    const { notificationId, deliveryId } = await deliver('u-deleted');
    const delivery = await settled(notificationId);
    expect(delivery).toMatchObject({ status: 'failed', lastError: 'user u-deleted no longer exists' });
    expect(await rowsOf(deliveryId)).toEqual([]);
  });
});

describe('InAppAdapter with Redis away', () => {
  let database: TestDatabase;
  let data: HeraldData;
  const adapter = new InAppAdapter();

  beforeAll(async () => {
    database = await createTestDatabase(migrateDatabase);
    data = await HeraldData.connect({ url: database.url });
    await data.users.put('u-1', {});
    // A port that was just free: nothing answers there.
    const gone = TcpProxy.inFrontOf(TEST_REDIS_URL, 6379);
    const port = await gone.start();
    await gone.stop();
    await adapter.init({
      data,
      env: WorkerEnv.from({ DATABASE_URL: database.url, REDIS_URL: `redis://127.0.0.1:${port}` }),
    });
  });

  afterAll(async () => {
    await adapter.close();
    await data?.close();
    await database?.drop();
  });

  it('still delivers: the item is in the inbox, only the live push is lost', async () => {
    const delivery = outboundDelivery({ id: randomUUID(), channel: ChannelName.InApp, address: 'u-1' });
    const started = Date.now();
    const result = await adapter.send(
      delivery,
      outboundNotifier(ChannelName.InApp, {}),
      new AbortController().signal,
    );
    expect(Date.now() - started).toBeLessThan(2500);
    const page = await data.inbox.list('u-1', { limit: 10 });
    expect(page.items.map((item) => item.id)).toEqual([result.providerMessageId]);
  });

  it('does not start the insert once the dispatch timeout has aborted the send', async () => {
    const delivery = outboundDelivery({ id: randomUUID(), channel: ChannelName.InApp, address: 'u-1' });
    const controller = new AbortController();
    controller.abort();
    await expect(
      adapter.send(delivery, outboundNotifier(ChannelName.InApp, {}), controller.signal),
    ).rejects.toMatchObject({ code: 'retryable' });
    expect(await data.inbox.unreadCount('u-1')).toBe(1);
  });

  it('refuses an invalid notifier config for good', async () => {
    const delivery = outboundDelivery({ id: randomUUID(), channel: ChannelName.InApp, address: 'u-1' });
    await expect(
      adapter.send(
        delivery,
        outboundNotifier(ChannelName.InApp, { ttlDays: 0 }),
        new AbortController().signal,
      ),
    ).rejects.toMatchObject({ code: 'permanent', message: expect.stringMatching(/ttlDays/) });
  });
});
