import { randomUUID } from 'node:crypto';
import { ChannelName, DeliveryStatus } from '@herald/contracts';
import { HeraldData, migrateDatabase } from '@herald/data';
import { createQueue, createRedisConnection } from '@herald/queue';
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

describe('graceful shutdown', () => {
  const prefix = freshQueuePrefix();
  let database: TestDatabase;
  let data: HeraldData;

  beforeAll(async () => {
    await assertRedisReachable();
    database = await createTestDatabase(migrateDatabase);
    data = await HeraldData.connect({ url: database.url });
  });

  afterAll(async () => {
    await data?.close();
    await deleteQueueKeys(prefix);
    await database?.drop();
  });

  it('lets a send in flight finish and be recorded before the worker exits', async () => {
    let started!: () => void;
    const sendStarted = new Promise<void>((resolve) => (started = resolve));
    const slowAdapter: ChannelAdapter = {
      channel: ChannelName.Webhook,
      async send(): Promise<SendResult> {
        started();
        await new Promise((resolve) => setTimeout(resolve, 700));
        return { providerCode: '200' };
      },
    };
    const worker = await createChannelWorker(
      slowAdapter,
      WorkerEnv.from({ DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, HERALD_QUEUE_PREFIX: prefix }),
      ['error'],
    );

    const notifier = await data.notifiers.create({
      name: 'slow',
      type: 'webhook',
      description: null,
      isDefault: false,
      fallback: null,
      config: { url: 'http://127.0.0.1:9/' },
    });
    const notificationId = randomUUID();
    const deliveryId = randomUUID();
    await data.notifications.insert(
      notificationFixture({
        id: notificationId,
        type: 'slow.event',
      }),
    );
    await data.transaction((tx) =>
      data.deliveries.insertMany(tx, [
        deliveryFixture({
          id: deliveryId,
          notificationId,
          notifierId: notifier.id,
          notifierName: 'slow',
          address: 'http://127.0.0.1:9/',
        }),
      ]),
    );
    const redis = createRedisConnection(TEST_REDIS_URL, 'worker');
    const queue = createQueue('deliver.webhook', redis, prefix, { attempts: 3 });
    await queue.add('deliver', { deliveryId }, { jobId: deliveryId });

    await sendStarted;
    // What SIGTERM triggers through Nest's shutdown hooks.
    await worker.close();

    expect(await data.deliveries.findStatus(deliveryId)).toBe(DeliveryStatus.Sent);
    await queue.close();
    redis.disconnect();
  });
});
