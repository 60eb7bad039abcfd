import { QueueName } from '@herald/contracts';
import { createQueue, createRedisConnection } from '@herald/queue';
import { TEST_REDIS_URL } from '@herald/testing';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { expectErrorEnvelope, startTestApp, type TestApp } from './support/test-app.js';

describe('POST /v1/notifiers/:name/test', () => {
  let api: TestApp;
  let redis: Redis;
  let routeQueue: Queue;

  beforeAll(async () => {
    api = await startTestApp();
    // A queue of our own over the same keys: what the router will consume.
    redis = createRedisConnection(TEST_REDIS_URL, 'worker');
    routeQueue = createQueue(QueueName.Route, redis, api.queuePrefix, { attempts: 1 });
    const created = await api.request('POST', '/v1/notifiers', {
      body: {
        name: 'ops_hook',
        type: 'webhook',
        config: { url: 'https://hooks.example.com/herald', secret: 'hmac-key' },
        messages: { test: { title: 'Testing {{ title }}' } },
      },
    });
    expect(created.status).toBe(201);
  });

  afterAll(async () => {
    await routeQueue?.close();
    await redis?.quit();
    await api?.close();
  });

  it('accepts a test notification aimed at the notifier and queues its route job', async () => {
    const response = await api.request('POST', '/v1/notifiers/ops_hook/test');
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'accepted' });
    const id: string = response.body.id;

    const notifier = await api.data.notifiers.findByName('ops_hook');
    expect(await api.data.notifications.findById(id)).toMatchObject({
      type: 'herald.test',
      trigger: 'test',
      notifierId: notifier!.id,
      data: { title: 'Test message from Herald', message: expect.stringContaining('"ops_hook"') },
      enqueuedAt: expect.any(Date),
    });

    const listed = await api.request('GET', '/v1/notifications?type=herald.test');
    expect(listed.body.items.map((n: { id: string }) => n.id)).toEqual([id]);
    expect((await api.request('GET', `/v1/notifications/${id}`)).body).toMatchObject({
      id,
      type: 'herald.test',
      status: 'accepted',
    });

    const job = await routeQueue.getJob(id);
    expect(job?.data).toEqual({ notificationId: id });
    expect(JSON.stringify(job?.data)).not.toContain('hmac-key');
  });

  it('answers 404 for a notifier that does not exist, and stores nothing', async () => {
    expectErrorEnvelope(await api.request('POST', '/v1/notifiers/nobody/test'), 404, 'not_found');
    const listed = await api.request('GET', '/v1/notifications?type=herald.test');
    expect(listed.body.items).toHaveLength(1);
  });
});
