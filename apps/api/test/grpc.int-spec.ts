import { QueueName } from '@herald/contracts';
import { createQueue, createRedisConnection } from '@herald/queue';
import { eventually, proxiedUrl, TcpProxy, TEST_REDIS_URL } from '@herald/testing';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { hashApiKey } from '../src/auth/api-key-credentials.js';
import { bearer, freePort, PlainClient } from './support/grpc-plain-client.js';
import { ADMIN_KEY, startTestApp, type TestApp } from './support/test-app.js';

const WRITER_KEY = 'grpc-writer-key-0123456789';
const READER_KEY = 'grpc-reader-key-0123456789';

const EVENT = {
  type: 'job.failed',
  source: { kind: 'job_template', id: '42', ancestors: [{ kind: 'project', id: 'web' }] },
  trigger: 'error',
  recipients: [{ userId: 'u-1' }, { email: 'ops@example.com' }],
  dataJson: JSON.stringify({ job: 'deploy web', exitCode: 2, tags: ['a'] }),
  actions: [{ label: 'Open job', url: 'https://ci.example.com/jobs/42' }],
  channels: ['email'],
};

describe('gRPC herald.v1.Herald', () => {
  let api: TestApp;
  let client: PlainClient;
  let postgres: TcpProxy;
  let postgresPort: number;
  let redis: Redis;
  let routeQueue: Queue;

  beforeAll(async () => {
    const grpcPort = await freePort();
    postgres = new TcpProxy('127.0.0.1', 5432);
    postgresPort = await postgres.start();
    api = await startTestApp((database) => ({
      DATABASE_URL: proxiedUrl(database.url, postgresPort),
      HERALD_GRPC_PORT: String(grpcPort),
    }));
    await api.app.startAllMicroservices();
    await api.data.apiKeys.ensure('ci-writer', hashApiKey(WRITER_KEY), ['events:write']);
    await api.data.apiKeys.ensure('dashboard', hashApiKey(READER_KEY), ['read']);
    client = new PlainClient(grpcPort);
    redis = createRedisConnection(TEST_REDIS_URL, 'worker');
    routeQueue = createQueue(QueueName.Route, redis, api.queuePrefix, { attempts: 1 });
  });

  afterAll(async () => {
    client?.close();
    await routeQueue?.close();
    await redis?.quit();
    await postgres?.stop();
    await api?.close();
  });

  it('Trigger stores the event as POST /v1/events does and enqueues its route job', async () => {
    const answer = await client.call('Trigger', EVENT, bearer(WRITER_KEY));
    expect(answer).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      status: 'accepted',
      replayed: false,
    });

    const stored = await api.data.notifications.findById(answer.id);
    expect(stored).toMatchObject({
      type: 'job.failed',
      status: 'accepted',
      source: { kind: 'job_template', id: '42', ancestors: [{ kind: 'project', id: 'web' }] },
      trigger: 'error',
      recipients: [{ userId: 'u-1' }, { email: 'ops@example.com' }],
      data: { job: 'deploy web', exitCode: 2, tags: ['a'] },
      actions: [{ label: 'Open job', url: 'https://ci.example.com/jobs/42' }],
      channels: ['email'],
    });
    expect(stored?.enqueuedAt).toBeInstanceOf(Date);
    expect((await routeQueue.getJob(answer.id))?.data).toEqual({ notificationId: answer.id });
    // Counted as REST events are, under its own way in.
    const metrics = await (await fetch(`${api.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/herald_events_accepted_total\{via="grpc"\} [1-9]/);
  });

  it('GetNotification answers what GET /v1/notifications/:id answers', async () => {
    const { id } = await client.call('Trigger', { type: 'deploy.done' });
    const answer = await client.call('GetNotification', { id }, bearer(READER_KEY));
    const rest = await api.request('GET', `/v1/notifications/${id}`);
    expect(answer).toEqual({ ...rest.body, source: undefined });
    expect(answer).toMatchObject({ id, type: 'deploy.done', status: 'accepted', deliveries: [] });
  });

  it('replays an idempotency key, across REST and gRPC, and refuses it for another request', async () => {
    const event = { type: 'job.failed', idempotencyKey: 'grpc-run-7', dataJson: '{"job":"web"}' };
    const first = await client.call('Trigger', event);
    expect(await client.call('Trigger', event)).toEqual({ ...first, replayed: true });
    // The metadata key is the Idempotency-Key header of REST.
    const { idempotencyKey, ...withoutKey } = event;
    expect(
      await client.call('Trigger', withoutKey, { ...bearer(ADMIN_KEY), 'idempotency-key': idempotencyKey }),
    ).toEqual({ ...first, replayed: true });
    const rest = await api.request('POST', '/v1/events', {
      body: { type: 'job.failed', idempotencyKey, data: { job: 'web' } },
    });
    expect(rest.body.id).toBe(first.id);
    expect(rest.headers.get('idempotent-replayed')).toBe('true');

    expect(await client.failure('Trigger', { ...event, dataJson: '{"job":"api"}' })).toMatchObject({
      status: 'FAILED_PRECONDITION',
      code: 'idempotency_conflict',
      message: expect.stringContaining('grpc-run-7'),
    });
  });

  it('refuses an invalid event with INVALID_ARGUMENT and the field messages', async () => {
    const failure = await client.failure('Trigger', {
      type: 'not a type!',
      recipients: [{ email: 'not-an-email' }],
      actions: [{ label: 'x', url: 'nope' }],
    });
    expect(failure).toMatchObject({ status: 'INVALID_ARGUMENT', code: 'validation_failed' });
    expect(failure.details.map((detail: { field: string }) => detail.field)).toEqual(
      expect.arrayContaining(['type', 'recipients.0.email', 'actions.0.url']),
    );
    expect(await client.failure('Trigger', { type: 'job.failed', dataJson: '[1, 2]' })).toMatchObject({
      status: 'INVALID_ARGUMENT',
      details: [{ field: 'dataJson', messages: ['dataJson must hold a JSON object'] }],
    });
    expect(await client.failure('Trigger', { type: 'job.failed', dataJson: '{oops' })).toMatchObject({
      status: 'INVALID_ARGUMENT',
      details: [{ field: 'dataJson', messages: [expect.stringMatching(/not valid JSON/)] }],
    });
  });

  it('answers UNAUTHENTICATED without a valid key, and takes X-App-Id + X-App-Secret as REST does', async () => {
    for (const headers of [{}, bearer('no-such-key'), { authorization: `Basic ${ADMIN_KEY}` }]) {
      expect(await client.failure('Status', {}, headers)).toMatchObject({
        status: 'UNAUTHENTICATED',
        code: 'unauthorized',
      });
    }
    expect(
      await client.failure(
        'Trigger',
        { type: 'a.b' },
        { 'x-app-id': 'dashboard', 'x-app-secret': WRITER_KEY },
      ),
    ).toMatchObject({ status: 'UNAUTHENTICATED' });
    const accepted = await client.call(
      'Trigger',
      { type: 'a.b' },
      { 'x-app-id': 'ci-writer', 'x-app-secret': WRITER_KEY },
    );
    expect(accepted.status).toBe('accepted');
  });

  it('answers PERMISSION_DENIED when the key lacks the scope REST requires', async () => {
    const denied = { status: 'PERMISSION_DENIED', code: 'forbidden' };
    expect(await client.failure('Trigger', { type: 'a.b' }, bearer(READER_KEY))).toMatchObject(denied);
    expect(await client.failure('GetNotification', { id: 'x' }, bearer(WRITER_KEY))).toMatchObject(denied);
    for (const method of ['Pause', 'Resume', 'Status']) {
      expect(await client.failure(method, {}, bearer(READER_KEY))).toMatchObject(denied);
    }
  });

  it("counts Trigger in the key's ingest rate limit, shared with POST /v1/events", async () => {
    const created = await api.request('POST', '/v1/admin/api-keys', {
      body: { name: 'grpc-limited', scopes: ['events:write'], rateLimitPerMinute: 2 },
    });
    expect(created.status).toBe(201);
    const limited = bearer(created.body.key);
    expect((await client.call('Trigger', { type: 'limited.one' }, limited)).status).toBe('accepted');
    const rest = await api.request('POST', '/v1/events', {
      body: { type: 'limited.two' },
      key: created.body.key,
    });
    expect(rest.status).toBe(202);
    expect(await client.failure('Trigger', { type: 'limited.three' }, limited)).toMatchObject({
      status: 'RESOURCE_EXHAUSTED',
      code: 'rate_limited',
      message: expect.stringMatching(/may send 2 requests a minute; retry in \d+ s/),
    });
  });

  it('answers NOT_FOUND for an unknown notification or channel', async () => {
    for (const id of ['2b3c1d2e-0000-4000-8000-000000000000', 'not-a-uuid']) {
      expect(await client.failure('GetNotification', { id }, bearer(READER_KEY))).toMatchObject({
        status: 'NOT_FOUND',
        code: 'not_found',
        message: `No notification with id "${id}"`,
      });
    }
    expect(await client.failure('Pause', { channel: 'carrier-pigeon' })).toMatchObject({
      status: 'NOT_FOUND',
    });
  });

  it('pauses and resumes everything or one channel, answering the status as REST does', async () => {
    const paused = await client.call('Pause', {});
    expect(paused.paused).toBe(true);
    expect(paused.channels.email).toMatchObject({ paused: true, channelPaused: false, waiting: 0 });
    expect(paused).toEqual((await api.request('GET', '/v1/admin/status')).body);

    const resumed = await client.call('Resume', {});
    expect(resumed.paused).toBe(false);
    const webhookPaused = await client.call('Pause', { channel: 'webhook' });
    expect(webhookPaused.channels.webhook).toMatchObject({ paused: true, channelPaused: true });
    expect(webhookPaused.channels.email).toMatchObject({ paused: false, channelPaused: false });
    expect((await client.call('Resume', { channel: 'webhook' })).channels.webhook.paused).toBe(false);

    const status = await client.call('Status', {});
    expect(status).toEqual((await api.request('GET', '/v1/admin/status')).body);
    expect(status.route).toEqual({
      waiting: expect.any(Number),
      active: expect.any(Number),
      delayed: expect.any(Number),
      failed: expect.any(Number),
      completed: expect.any(Number),
    });
  });

  it('answers UNAVAILABLE while Postgres is down, then serves again once it is back', async () => {
    await postgres.stop();
    // The guard looks the key up in Postgres: the outage shows there first, as UNAVAILABLE all the same.
    expect(await client.failure('Trigger', { type: 'during.outage' }, bearer(WRITER_KEY))).toMatchObject({
      status: 'UNAVAILABLE',
      code: 'service_unavailable',
    });
    await postgres.start(postgresPort);
    expect((await client.call('Trigger', { type: 'after.outage' })).status).toBe('accepted');
  });
});

describe('gRPC herald.v1.Herald while Redis is down', () => {
  let api: TestApp;
  let client: PlainClient;
  let redis: TcpProxy;

  beforeAll(async () => {
    const grpcPort = await freePort();
    redis = TcpProxy.inFrontOf(TEST_REDIS_URL, 6379);
    const redisPort = await redis.start();
    api = await startTestApp(() => ({
      REDIS_URL: proxiedUrl(TEST_REDIS_URL, redisPort),
      HERALD_GRPC_PORT: String(grpcPort),
    }));
    await api.app.startAllMicroservices();
    client = new PlainClient(grpcPort);
  });

  afterAll(async () => {
    client?.close();
    await redis?.stop();
    await api?.close();
  });

  it('still accepts events (the outbox relay enqueues them) and answers UNAVAILABLE for the queues', async () => {
    await redis.stop();
    // Once the API has seen the connection drop, no command of these calls waits on a dead socket.
    await eventually(
      async () =>
        (await api.request('GET', '/health/ready', { key: null })).status === 503 ? true : undefined,
      5000,
      'the API to notice Redis is down',
    );
    const accepted = await client.call('Trigger', { type: 'redis.outage' });
    expect(accepted.status).toBe('accepted');
    expect((await api.data.notifications.findById(accepted.id))?.enqueuedAt).toBeNull();

    expect(await client.failure('Status', {})).toMatchObject({
      status: 'UNAVAILABLE',
      code: 'service_unavailable',
    });
    expect(await client.failure('Pause', {})).toMatchObject({
      status: 'UNAVAILABLE',
      message: expect.stringMatching(/stored/),
    });
  });
});
