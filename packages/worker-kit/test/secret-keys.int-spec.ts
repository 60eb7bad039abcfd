import { randomBytes, randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
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
import { type ChannelAdapter, createChannelWorker, type OutboundNotifier, WorkerEnv } from '../src/index.js';
import { deliveryFixture, notificationFixture } from '@herald/data/testing';

const OLD_KEY = randomBytes(32).toString('hex');
const NEW_KEY = randomBytes(32).toString('hex');

/** Keeps the notifier each send was given. */
class RecordingAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Webhook;
  readonly notifiers: OutboundNotifier[] = [];

  async send(_delivery: unknown, notifier: OutboundNotifier) {
    this.notifiers.push(notifier);
    return { providerCode: '200' };
  }
}

describe('a worker started with the secret keys of its environment', () => {
  const prefix = freshQueuePrefix();
  const adapter = new RecordingAdapter();
  let database: TestDatabase;
  let data: HeraldData;
  let worker: INestApplicationContext;
  let redis: Redis;
  let queue: Queue;

  beforeAll(async () => {
    await assertRedisReachable();
    database = await createTestDatabase(migrateDatabase);
    // The secret was stored before a rotation: the worker knows the old key as a previous one only.
    data = await HeraldData.connect({ url: database.url, secretKeys: { current: OLD_KEY } });
    const env = WorkerEnv.from({
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      HERALD_QUEUE_PREFIX: prefix,
      HERALD_SECRET_KEY: NEW_KEY,
      HERALD_SECRET_KEYS_PREVIOUS: OLD_KEY,
    });
    worker = await createChannelWorker(adapter, env, ['error']);
    redis = createRedisConnection(TEST_REDIS_URL, 'worker');
    queue = createQueue('deliver.webhook', redis, prefix, { attempts: 1 });
  });

  afterAll(async () => {
    await worker?.close();
    await queue?.close();
    redis?.disconnect();
    await data?.close();
    await deleteQueueKeys(prefix);
    await database?.drop();
  });

  it('hands the adapter the decrypted config', async () => {
    const notifier = await data.notifiers.create({
      name: 'signed_hook',
      type: 'webhook',
      description: null,
      isDefault: false,
      fallback: null,
      config: { url: 'http://127.0.0.1:9/', secret: 'hmac-for-the-worker' },
    });
    const notificationId = randomUUID();
    const deliveryId = randomUUID();
    await data.notifications.insert(
      notificationFixture({
        id: notificationId,
        type: 'test.event',
      }),
    );
    await data.transaction((tx) =>
      data.deliveries.insertMany(tx, [
        deliveryFixture({
          id: deliveryId,
          notificationId,
          notifierId: notifier.id,
          notifierName: notifier.name,
          message: { title: 't', markdown: 'b', text: 'b' },
          maxAttempts: 1,
        }),
      ]),
    );
    await queue.add('deliver', { deliveryId }, { jobId: deliveryId });

    for (let i = 0; i < 200 && (await data.deliveries.findStatus(deliveryId)) !== DeliveryStatus.Sent; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(await data.deliveries.findStatus(deliveryId)).toBe(DeliveryStatus.Sent);
    expect(adapter.notifiers).toEqual([
      expect.objectContaining({
        name: 'signed_hook',
        config: { url: 'http://127.0.0.1:9/', secret: 'hmac-for-the-worker' },
      }),
    ]);
  });
});
