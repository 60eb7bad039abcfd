import { QueueName } from '@herald/contracts';
import { createQueue, createRedisConnection } from '@herald/queue';
import { TEST_REDIS_URL } from '@herald/testing';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('POST /v1/events', () => {
  let api: TestApp;
  let redis: Redis;
  let routeQueue: Queue;

  beforeAll(async () => {
    api = await startTestApp(() => ({ HERALD_MAX_ATTEMPTS: '3' }));
    // A queue of our own over the same keys: what the router will consume, not the app's instance.
    redis = createRedisConnection(TEST_REDIS_URL, 'worker');
    routeQueue = createQueue(QueueName.Route, redis, api.queuePrefix, { attempts: 1 });
  });

  afterAll(async () => {
    await routeQueue?.close();
    await redis?.quit();
    await api?.close();
  });

  it('answers 202 after storing the notification and queueing its route job', async () => {
    const response = await api.request('POST', '/v1/events', {
      body: {
        type: 'job.failed',
        source: { kind: 'job_template', id: '42', ancestors: [{ kind: 'project', id: 'web' }] },
        trigger: 'error',
        recipients: [{ userId: 'u-1' }, { email: 'ops@example.com' }],
        data: { job: 'deploy web' },
        actions: [{ label: 'Open job', url: 'https://ci.example.com/jobs/42' }],
        channels: ['email'],
      },
    });

    expect(response.status).toBe(202);
    expect(response.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'accepted' });
    const id: string = response.body.id;

    const stored = await api.data.notifications.findById(id);
    expect(stored).toMatchObject({
      type: 'job.failed',
      status: 'accepted',
      source: { kind: 'job_template', id: '42', ancestors: [{ kind: 'project', id: 'web' }] },
      trigger: 'error',
      recipients: [{ userId: 'u-1' }, { email: 'ops@example.com' }],
      data: { job: 'deploy web' },
      channels: ['email'],
      idempotencyKey: null,
    });
    expect(stored?.apiKeyId).toEqual(expect.any(String));
    expect(stored?.enqueuedAt).toBeInstanceOf(Date);

    const job = await routeQueue.getJob(id);
    expect(job?.name).toBe('route');
    expect(job?.data).toEqual({ notificationId: id });
    // HERALD_MAX_ATTEMPTS is the route queue's attempts too.
    expect(job?.opts.attempts).toBe(3);

    const view = await api.request('GET', `/v1/notifications/${id}`);
    expect(view.status).toBe(200);
    expect(view.body).toEqual({
      id,
      type: 'job.failed',
      status: 'accepted',
      createdAt: expect.any(String),
      source: { kind: 'job_template', id: '42' },
      deliveries: [],
    });
  });

  it('stores the Idempotency-Key header and answers a second event with the same key from the first', async () => {
    const headers = { 'idempotency-key': `run-${Date.now()}` };
    const first = await api.request('POST', '/v1/events', { body: { type: 'job.succeeded' }, headers });
    expect(first.status).toBe(202);
    expect((await api.data.notifications.findById(first.body.id))?.idempotencyKey).toBe(
      headers['idempotency-key'],
    );

    // The whole contract (replays, 422, races, expiry) is in idempotency.int-spec.ts.
    const second = await api.request('POST', '/v1/events', { body: { type: 'job.succeeded' }, headers });
    expect(second.status).toBe(202);
    expect(second.body).toEqual(first.body);
  });

  it('takes the idempotencyKey field too, and refuses a header that disagrees with it', async () => {
    const accepted = await api.request('POST', '/v1/events', {
      body: { type: 'job.started', idempotencyKey: 'field-key-1' },
    });
    expect(accepted.status).toBe(202);
    expect((await api.data.notifications.findById(accepted.body.id))?.idempotencyKey).toBe('field-key-1');

    const mismatch = await api.request('POST', '/v1/events', {
      body: { type: 'job.started', idempotencyKey: 'field-key-2' },
      headers: { 'idempotency-key': 'header-key-2' },
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.details).toEqual([{ field: 'idempotencyKey', messages: expect.any(Array) }]);
  });
});
