import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { ChannelName, type DeliveryView } from '@herald/contracts';
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
import {
  type ChannelAdapter,
  createChannelWorker,
  DeliveryError,
  type OutboundDelivery,
  type SendResult,
  WorkerEnv,
} from '../src/index.js';
import { deliveryFixture, notificationFixture } from '@herald/data/testing';

type Script = (delivery: OutboundDelivery, signal: AbortSignal) => Promise<SendResult>;

/** A channel whose provider behaves as each test scripts it, per delivery id. */
class ScriptedAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Webhook;
  readonly scripts = new Map<string, Script>();
  readonly calls: { id: string; at: number }[] = [];

  async send(delivery: OutboundDelivery, _notifier: unknown, signal: AbortSignal): Promise<SendResult> {
    this.calls.push({ id: delivery.id, at: Date.now() });
    const script = this.scripts.get(delivery.id);
    if (!script) throw new Error(`no script for ${delivery.id}`);
    return script(delivery, signal);
  }
}

describe('channel worker runtime against real Postgres and BullMQ', () => {
  const prefix = freshQueuePrefix();
  const adapter = new ScriptedAdapter();
  let database: TestDatabase;
  let data: HeraldData;
  let worker: INestApplicationContext;
  let redis: Redis;
  let queue: Queue;
  let notifierId: string;

  beforeAll(async () => {
    await assertRedisReachable();
    database = await createTestDatabase(migrateDatabase);
    data = await HeraldData.connect({ url: database.url });
    const env = WorkerEnv.from({
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      HERALD_QUEUE_PREFIX: prefix,
      HERALD_BACKOFF_BASE_MS: '100',
      HERALD_BACKOFF_CAP_MS: '1000',
      HERALD_DISPATCH_TIMEOUT_MS: '300',
      HERALD_MAX_RATE_LIMIT_WAITS: '2',
    });
    worker = await createChannelWorker(adapter, env, ['error']);
    redis = createRedisConnection(TEST_REDIS_URL, 'worker');
    queue = createQueue('deliver.webhook', redis, prefix, { attempts: 3 });
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

  async function deliver(
    script: Script,
    maxAttempts = 3,
  ): Promise<{ notificationId: string; deliveryId: string }> {
    const notificationId = randomUUID();
    const deliveryId = randomUUID();
    adapter.scripts.set(deliveryId, script);
    await data.notifications.insert(
      notificationFixture({
        id: notificationId,
        type: 'test.event',
        data: { n: 1 },
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
          maxAttempts,
        }),
      ]);
      await tx.query(`UPDATE notifications SET status = 'routed' WHERE id = $1`, [notificationId]);
    });
    await queue.add('deliver', { deliveryId }, { jobId: deliveryId, attempts: maxAttempts });
    return { notificationId, deliveryId };
  }

  async function settled(notificationId: string): Promise<DeliveryView> {
    for (let i = 0; i < 300; i++) {
      const view = await data.notifications.findView(notificationId);
      const delivery = view?.deliveries[0];
      // The attempt is recorded first, then the notification completed: wait for both.
      if (delivery && ['sent', 'failed'].includes(delivery.status) && view?.status === 'completed')
        return delivery;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`delivery of ${notificationId} did not settle`);
  }

  it('sends, records one attempt and completes the notification', async () => {
    const { notificationId } = await deliver(async () => ({ providerCode: '200' }));
    const delivery = await settled(notificationId);
    expect(delivery).toMatchObject({ status: 'sent', attemptCount: 1, lastError: null });
    expect(delivery.attempts).toEqual([
      expect.objectContaining({ number: 1, outcome: 'sent', providerCode: '200' }),
    ]);
  });

  it('retries retryable failures with growing backoff until it is sent', async () => {
    let calls = 0;
    const { notificationId, deliveryId } = await deliver(async () => {
      calls += 1;
      if (calls <= 2) throw DeliveryError.retryable('HTTP 500', { providerCode: '500' });
      return { providerCode: '200' };
    });
    const delivery = await settled(notificationId);
    expect(delivery).toMatchObject({ status: 'sent', attemptCount: 3 });
    expect(delivery.attempts.map((a) => a.outcome)).toEqual(['retryable', 'retryable', 'sent']);
    const times = adapter.calls.filter((c) => c.id === deliveryId).map((c) => c.at);
    // Equal-jitter backoff: at least half of 100 ms, then at least half of 200 ms.
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(50);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(100);
  });

  it('fails a permanent error after one attempt, with the reason', async () => {
    const { notificationId } = await deliver(async () => {
      throw DeliveryError.permanent('HTTP 400: bad payload', { providerCode: '400' });
    });
    const delivery = await settled(notificationId);
    expect(delivery).toMatchObject({ status: 'failed', attemptCount: 1, lastError: 'HTTP 400: bad payload' });
    expect(delivery.attempts).toEqual([
      expect.objectContaining({ outcome: 'permanent', providerCode: '400' }),
    ]);
  });

  it('fails after maxAttempts retryable errors', async () => {
    const { notificationId } = await deliver(async () => {
      throw new Error('socket hang up');
    }, 2);
    const delivery = await settled(notificationId);
    expect(delivery).toMatchObject({ status: 'failed', attemptCount: 2, lastError: 'socket hang up' });
  });

  it('aborts a send past the dispatch timeout and retries it', async () => {
    let calls = 0;
    let aborted = false;
    const { notificationId } = await deliver(async (_delivery, signal) => {
      calls += 1;
      if (calls === 1) {
        signal.addEventListener('abort', () => (aborted = true));
        return new Promise<SendResult>(() => undefined);
      }
      return { providerCode: '200' };
    });
    const delivery = await settled(notificationId);
    expect(aborted).toBe(true);
    expect(delivery.status).toBe('sent');
    expect(delivery.attempts[0]).toMatchObject({
      outcome: 'retryable',
      error: expect.stringContaining('dispatch timeout'),
    });
  });

  it('waits out a provider rate limit without using up attempts', async () => {
    let calls = 0;
    const { notificationId, deliveryId } = await deliver(async () => {
      calls += 1;
      if (calls === 1)
        throw DeliveryError.rateLimited('HTTP 429', { providerCode: '429', retryAfterMs: 400 });
      return { providerCode: '200' };
    }, 1);
    const delivery = await settled(notificationId);
    expect(delivery).toMatchObject({ status: 'sent', attemptCount: 1 });
    expect(delivery.attempts.map((a) => a.outcome)).toEqual(['rate_limited', 'sent']);
    const times = adapter.calls.filter((c) => c.id === deliveryId).map((c) => c.at);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(350);
  });

  it('treats a job that runs again after the send as a no-op', async () => {
    let calls = 0;
    const { notificationId, deliveryId } = await deliver(async () => {
      calls += 1;
      return { providerCode: '200' };
    });
    await settled(notificationId);
    await queue.add('deliver', { deliveryId }, { jobId: `${deliveryId}-duplicate` });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls).toBe(1);
  });
});
