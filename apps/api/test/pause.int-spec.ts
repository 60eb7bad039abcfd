import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { type AdminStatusView, DeliveryStatus, NotificationStatus } from '@herald/contracts';
import { createQueue, createRedisConnection } from '@herald/queue';
import { createRouter, RouterEnv } from '@herald/router';
import { TEST_REDIS_URL } from '@herald/testing';
import { hashApiKey } from '../src/auth/api-key-credentials.js';
import { ApiEnv } from '../src/config/api-env.js';
import { createApp } from '../src/create-app.js';
import { type Pipeline, startPipeline } from './support/pipeline.js';
import { ADMIN_KEY, expectErrorEnvelope, startTestApp, type TestApp } from './support/test-app.js';

/** Long enough for the worker to take a job, were it going to. */
const sleep = (ms = 800) => new Promise((resolve) => setTimeout(resolve, ms));

const pending = (view: { deliveries: { status: string }[] }) =>
  view.deliveries.every((delivery) => delivery.status === DeliveryStatus.Pending);
const sent = (view: { status: string; deliveries: { status: string }[] }) =>
  view.status === NotificationStatus.Completed &&
  view.deliveries.every((delivery) => delivery.status === DeliveryStatus.Sent);

describe('pause, resume and status with the router and a worker running', () => {
  let api: TestApp;
  let pipeline: Pipeline;
  let redis: Redis;
  let webhookQueue: Queue;
  let emailQueue: Queue;

  beforeAll(async () => {
    api = await startTestApp();
    pipeline = await startPipeline(api);
    redis = createRedisConnection(TEST_REDIS_URL, 'worker');
    webhookQueue = createQueue('deliver.webhook', redis, api.queuePrefix, { attempts: 5 });
    emailQueue = createQueue('deliver.email', redis, api.queuePrefix, { attempts: 5 });
  });

  afterAll(async () => {
    await pipeline?.close();
    await webhookQueue?.close();
    await emailQueue?.close();
    redis?.disconnect();
    await api?.close();
  });

  afterEach(async () => {
    await api.request('POST', '/v1/admin/resume');
    for (const channel of ['email', 'webhook'])
      await api.request('POST', `/v1/admin/channels/${channel}/resume`);
  });

  it('holds every delivery while paused, keeps routing, shows the depth, and sends them all on resume', async () => {
    const paused = await api.request('POST', '/v1/admin/pause');
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({
      paused: true,
      channels: {
        email: { paused: true, channelPaused: false },
        webhook: { paused: true, channelPaused: false },
      },
    });
    expect(await webhookQueue.isPaused()).toBe(true);

    const before = pipeline.adapter.sent.length;
    // Accepted and routed while paused: each has its delivery, waiting.
    const views = [await pipeline.post(), await pipeline.post(), await pipeline.post()];
    expect(views.map((view) => view.status)).toEqual(new Array(3).fill(NotificationStatus.Routed));
    await sleep();
    expect(pipeline.adapter.sent.length).toBe(before);
    for (const view of views) {
      expect(pending((await api.request('GET', `/v1/notifications/${view.id}`)).body)).toBe(true);
    }

    const status = await api.request('GET', '/v1/admin/status');
    expect(status.status).toBe(200);
    const body = status.body as AdminStatusView;
    expect(body.paused).toBe(true);
    expect(body.channels.webhook).toEqual({
      paused: true,
      channelPaused: false,
      waiting: 3,
      active: 0,
      delayed: 0,
      failed: 0,
      completed: expect.any(Number),
    });
    expect(body.channels.email).toMatchObject({ paused: true, waiting: 0 });
    expect(Object.keys(body.route)).toEqual(['waiting', 'active', 'delayed', 'failed', 'completed']);

    const resumed = await api.request('POST', '/v1/admin/resume');
    expect(resumed.status).toBe(200);
    expect(resumed.body.paused).toBe(false);
    for (const view of views) await pipeline.until(view.id, sent, 'sent');
    expect(pipeline.adapter.sent.slice(before).sort()).toEqual(
      views.map((view) => view.deliveries[0]!.id).sort(),
    );
    expect((await api.request('GET', '/v1/admin/status')).body.channels.webhook).toMatchObject({
      paused: false,
      waiting: 0,
    });
  });

  it('pauses one channel on its own, and keeps it paused through a global resume', async () => {
    const paused = await api.request('POST', '/v1/admin/channels/webhook/pause');
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({
      paused: false,
      channels: {
        webhook: { paused: true, channelPaused: true },
        email: { paused: false, channelPaused: false },
      },
    });
    expect([await webhookQueue.isPaused(), await emailQueue.isPaused()]).toEqual([true, false]);

    const before = pipeline.adapter.sent.length;
    const view = await pipeline.post();
    await api.request('POST', '/v1/admin/pause');
    await api.request('POST', '/v1/admin/resume');
    await sleep();
    expect(pipeline.adapter.sent.length).toBe(before);
    expect(await webhookQueue.isPaused()).toBe(true);

    const resumed = await api.request('POST', '/v1/admin/channels/webhook/resume');
    expect(resumed.body.channels.webhook).toMatchObject({ paused: false, channelPaused: false });
    await pipeline.until(view.id, sent, 'sent');
  });

  it('answers 404 for a channel it does not know, and needs the admin scope', async () => {
    expectErrorEnvelope(
      await api.request('POST', '/v1/admin/channels/carrier-pigeon/pause'),
      404,
      'not_found',
    );
    expectErrorEnvelope(await api.request('POST', '/v1/admin/channels/Email/resume'), 404, 'not_found');

    const reader = 'reader-key-0123456789';
    await api.data.apiKeys.ensure('dashboard', hashApiKey(reader), ['read']);
    expectErrorEnvelope(await api.request('GET', '/v1/admin/status', { key: reader }), 403, 'forbidden');
    expectErrorEnvelope(await api.request('POST', '/v1/admin/pause', { key: reader }), 403, 'forbidden');
    expectErrorEnvelope(await api.request('GET', '/v1/admin/status', { key: null }), 401, 'unauthorized');
  });
});

describe('pause across restarts', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('comes back paused: the API and the router re-apply the stored flag to a Redis that lost it', async () => {
    expect((await api.request('POST', '/v1/admin/pause')).status).toBe(200);
    expect((await api.request('POST', '/v1/admin/channels/email/pause')).status).toBe(200);

    const redis = createRedisConnection(TEST_REDIS_URL, 'worker');
    const queues = ['deliver.email', 'deliver.webhook'].map((name) =>
      createQueue(name, redis, api.queuePrefix, { attempts: 5 }),
    );
    const pausedStates = () => Promise.all(queues.map((queue) => queue.isPaused()));
    // Redis restarted without its data: the paused markers are gone, Postgres still has the flags.
    const forget = () => Promise.all(queues.map((queue) => queue.resume()));
    let second: NestExpressApplication | undefined;
    try {
      await forget();
      expect(await pausedStates()).toEqual([false, false]);

      // A second API process starting over the same database.
      second = await createApp(
        ApiEnv.from({
          DATABASE_URL: api.database.url,
          REDIS_URL: TEST_REDIS_URL,
          PORT: '0',
          HOST: '127.0.0.1',
          HERALD_ADMIN_KEY: ADMIN_KEY,
          HERALD_QUEUE_PREFIX: api.queuePrefix,
        }),
        { logger: ['error'] },
      );
      await second.listen(0, '127.0.0.1');
      expect(await pausedStates()).toEqual([true, true]);

      // The router alone, as when it restarts while the API keeps running.
      await forget();
      const router = await createRouter(
        RouterEnv.from({
          DATABASE_URL: api.database.url,
          REDIS_URL: TEST_REDIS_URL,
          HERALD_QUEUE_PREFIX: api.queuePrefix,
        }),
        ['error'],
      );
      try {
        expect(await pausedStates()).toEqual([true, true]);
      } finally {
        await router.close();
      }

      // Resuming everything leaves email paused on its own.
      const resumed = await api.request('POST', '/v1/admin/resume');
      expect(resumed.body).toMatchObject({
        paused: false,
        channels: { email: { paused: true, channelPaused: true }, webhook: { paused: false } },
      });
      expect(await pausedStates()).toEqual([true, false]);
    } finally {
      await second?.close();
      await Promise.all(queues.map((queue) => queue.close()));
      redis.disconnect();
    }
  });
});
