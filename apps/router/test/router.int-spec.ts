import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { type NotificationView, QueueName } from '@herald/contracts';
import { HeraldData, migrateDatabase, type NewNotification } from '@herald/data';
import { createQueue, createRedisConnection } from '@herald/queue';
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
import { notificationFixture } from '@herald/data/testing';

const smtp = { host: '127.0.0.1', port: 2525, security: 'none', from: 'herald@example.com' };

describe('router against real Postgres and BullMQ', () => {
  let database: TestDatabase;
  let data: HeraldData;
  let router: INestApplicationContext;
  let redis: Redis;
  let routeQueue: Queue;
  let emailQueue: Queue;
  let webhookQueue: Queue;
  const prefix = freshQueuePrefix();

  beforeAll(async () => {
    await assertRedisReachable();
    database = await createTestDatabase(migrateDatabase);
    data = await HeraldData.connect({ url: database.url });
    const env = RouterEnv.from({
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      HERALD_QUEUE_PREFIX: prefix,
    });
    router = await createRouter(env, ['error', 'warn']);
    redis = createRedisConnection(TEST_REDIS_URL, 'worker');
    routeQueue = createQueue(QueueName.Route, redis, prefix, { attempts: 3 });
    emailQueue = createQueue('deliver.email', redis, prefix, { attempts: 3 });
    webhookQueue = createQueue('deliver.webhook', redis, prefix, { attempts: 3 });

    await data.notifiers.create({
      name: 'mail',
      type: 'email',
      description: null,
      isDefault: true,
      fallback: null,
      config: smtp,
    });
    await data.notifiers.create({
      name: 'ops_mail',
      type: 'email',
      description: null,
      isDefault: false,
      fallback: null,
      config: { ...smtp, to: ['ops@example.com', 'dev@example.com'] },
    });
    await data.notifiers.create({
      name: 'ci_hook',
      type: 'webhook',
      description: null,
      isDefault: false,
      fallback: null,
      config: { url: 'http://127.0.0.1:9/ci' },
    });
    await data.notifiers.create({
      name: 'fallback_hook',
      type: 'webhook',
      description: null,
      isDefault: false,
      fallback: null,
      config: { url: 'http://127.0.0.1:9/defaults' },
    });
    const ids = Object.fromEntries((await data.notifiers.list()).map((n) => [n.name, n.id]));
    await data.resources.attach({ kind: 'job_template', id: '42' }, ids.ci_hook!, ['error']);
    await data.resources.attach({ kind: 'job_template', id: '42' }, ids.ops_mail!, ['any']);
    await data.resources.attach({ kind: 'deployment', id: 'default' }, ids.fallback_hook!, ['any']);
    await data.users.put('u-1', { email: 'alice@example.com', name: 'Alice' });
    await data.users.put('u-2', { name: 'No Mail' });
  });

  afterAll(async () => {
    await router?.close();
    await Promise.all([routeQueue, emailQueue, webhookQueue].map((q) => q?.close()));
    redis?.disconnect();
    await data?.close();
    await deleteQueueKeys(prefix);
    await database?.drop();
  });

  async function routeEvent(
    event: Partial<NewNotification>,
    until = ['routed', 'completed'],
  ): Promise<NotificationView> {
    const id = randomUUID();
    await data.notifications.insert(
      notificationFixture({
        id,
        data: { job: 'deploy web' },
        ...event,
      }),
    );
    await routeQueue.add('route', { notificationId: id }, { jobId: id });
    for (let i = 0; i < 200; i++) {
      const view = await data.notifications.findView(id);
      if (view && until.includes(view.status)) return view;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`notification ${id} was not routed`);
  }

  const byTarget = (view: NotificationView) =>
    Object.fromEntries(view.deliveries.map((d) => [d.notifier ?? d.userId ?? d.address, d]));

  it('sends to explicit recipients through the default email notifier, explaining every skip', async () => {
    const view = await routeEvent({
      recipients: [{ userId: 'u-1' }, { email: 'bob@example.com' }, { userId: 'u-2' }, { userId: 'ghost' }],
    });
    expect(view.status).toBe('routed');
    const deliveries = view.deliveries.filter((d) => d.userId || d.notifier === 'mail');
    expect(deliveries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          userId: 'u-1',
          address: 'alice@example.com',
          status: 'pending',
          notifier: 'mail',
        }),
        expect.objectContaining({
          userId: null,
          address: 'bob@example.com',
          status: 'pending',
          notifier: 'mail',
        }),
        expect.objectContaining({ userId: 'u-2', status: 'skipped', reason: 'no_address' }),
        expect.objectContaining({ userId: 'ghost', status: 'skipped', reason: 'unknown_user' }),
      ]),
    );
    const pending = view.deliveries.filter((d) => d.status === 'pending' && d.channel === 'email');
    for (const delivery of pending) expect(await emailQueue.getJob(delivery.id)).toBeDefined();
  });

  it('uses the notifiers attached to the source for matching triggers', async () => {
    const view = await routeEvent({ source: { kind: 'job_template', id: '42' }, trigger: 'error' });
    const targets = byTarget(view);
    expect(Object.keys(targets).sort()).toEqual(['ci_hook', 'ops_mail']);
    expect(targets.ops_mail).toMatchObject({
      address: 'ops@example.com, dev@example.com',
      status: 'pending',
    });
    expect(targets.ci_hook).toMatchObject({ address: 'http://127.0.0.1:9/ci', status: 'pending' });
    expect(await webhookQueue.getJob(targets.ci_hook!.id)).toBeDefined();

    const success = await routeEvent({ source: { kind: 'job_template', id: '42' }, trigger: 'success' });
    expect(Object.keys(byTarget(success))).toEqual(['ops_mail']);
  });

  it('falls back to the deployment defaults when nothing on the source matches', async () => {
    const view = await routeEvent({ source: { kind: 'job_template', id: 'unknown' }, trigger: 'error' });
    expect(Object.keys(byTarget(view))).toEqual(['fallback_hook']);
  });

  it('skips channels the event excludes', async () => {
    const view = await routeEvent({
      source: { kind: 'job_template', id: '42' },
      trigger: 'error',
      channels: ['email'],
    });
    expect(byTarget(view).ci_hook).toMatchObject({ status: 'skipped', reason: 'channel_disabled' });
    expect(byTarget(view).ops_mail).toMatchObject({ status: 'pending' });
  });

  it('fails a delivery whose template does not render, and still routes the rest', async () => {
    await data.eventTypes.put({
      name: 'broken.template',
      templates: { webhook: { title: '{{ data.nope.deeper }}', body: 'x' } },
      defaultMethods: ['email'],
      adminMethods: null,
      enabledByDefault: true,
      critical: false,
      group: null,
    });
    const view = await routeEvent({
      type: 'broken.template',
      source: { kind: 'job_template', id: '42' },
      trigger: 'error',
    });
    expect(byTarget(view).ci_hook).toMatchObject({
      status: 'failed',
      lastError: expect.stringContaining('render error'),
    });
    expect(byTarget(view).ops_mail).toMatchObject({ status: 'pending' });
  });

  it('completes a notification that has nothing to send', async () => {
    const view = await routeEvent(
      { source: { kind: 'quiet', id: '1' }, channels: ['email'], recipients: [{ userId: 'ghost' }] },
      ['completed'],
    );
    expect(view.deliveries.map((d) => d.reason).sort()).toEqual(['channel_disabled', 'unknown_user']);
  });

  it('routes a notification once even when the route job runs twice', async () => {
    const view = await routeEvent({ recipients: [{ email: 'twice@example.com' }] });
    await routeQueue.add('route', { notificationId: view.id }, { jobId: `${view.id}-again` });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const again = await data.notifications.findView(view.id);
    expect(again?.deliveries).toHaveLength(view.deliveries.length);
  });
});

describe('outbox relay', () => {
  const prefix = freshQueuePrefix();
  let database: TestDatabase;
  let data: HeraldData;
  let router: INestApplicationContext;

  beforeAll(async () => {
    database = await createTestDatabase(migrateDatabase);
    data = await HeraldData.connect({ url: database.url });
    router = await createRouter(
      RouterEnv.from({
        DATABASE_URL: database.url,
        REDIS_URL: TEST_REDIS_URL,
        HERALD_QUEUE_PREFIX: prefix,
        HERALD_OUTBOX_INTERVAL_MS: '100',
        HERALD_OUTBOX_GRACE_MS: '0',
      }),
      ['error'],
    );
  });

  afterAll(async () => {
    await router?.close();
    await data?.close();
    await deleteQueueKeys(prefix);
    await database?.drop();
  });

  it('routes a notification that was committed but never enqueued', async () => {
    const id = randomUUID();
    // What the API leaves behind when Redis is down at accept time: a row with enqueued_at NULL.
    await data.notifications.insert(
      notificationFixture({
        id,
        source: { kind: 'nowhere', id: '1' },
        recipients: [{ userId: 'nobody' }],
      }),
    );
    let status = 'accepted';
    for (let i = 0; i < 100 && status !== 'completed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = (await data.notifications.findById(id))!.status;
    }
    expect(status).toBe('completed');
    expect((await data.notifications.findById(id))!.enqueuedAt).toBeInstanceOf(Date);
  });
});
