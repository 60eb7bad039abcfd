import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { QueueName } from '@herald/contracts';
import { HeraldData, migrateDatabase } from '@herald/data';
import { notificationFixture } from '@herald/data/testing';
import { createLogger, LogFormat, PinoNestLogger } from '@herald/observability';
import { createQueue, createRedisConnection } from '@herald/queue';
import {
  assertRedisReachable,
  createTestDatabase,
  deleteQueueKeys,
  eventually,
  freePort,
  freshQueuePrefix,
  TEST_REDIS_URL,
  type TestDatabase,
} from '@herald/testing';
import { RouterEnv } from '../src/config/router-env.js';
import { createRouter } from '../src/create-router.js';
import { RouterOps } from '../src/metrics/router-ops.js';

describe('router /metrics, /health and correlated logs', () => {
  const prefix = freshQueuePrefix();
  const logLines: string[] = [];
  let database: TestDatabase;
  let data: HeraldData;
  let router: INestApplicationContext;
  let redis: Redis;
  let routeQueue: Queue;
  let slackQueue: Queue;
  let base: string;

  beforeAll(async () => {
    await assertRedisReachable();
    database = await createTestDatabase(migrateDatabase);
    data = await HeraldData.connect({ url: database.url });
    const logger = new PinoNestLogger(
      createLogger({
        app: 'router',
        settings: { format: LogFormat.Json, level: 'info' },
        destination: { write: (line: string) => void logLines.push(line) },
      }),
    );
    router = await createRouter(
      RouterEnv.from({ DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, HERALD_QUEUE_PREFIX: prefix }),
      logger,
    );
    base = `http://127.0.0.1:${await router.get(RouterOps).listen(await freePort())}`;
    redis = createRedisConnection(TEST_REDIS_URL, 'worker');
    routeQueue = createQueue(QueueName.Route, redis, prefix, { attempts: 3 });
    slackQueue = createQueue('deliver.slack', redis, prefix, { attempts: 3 });

    await data.notifiers.create({
      name: 'mail',
      type: 'email',
      description: null,
      isDefault: true,
      fallback: null,
      config: { host: '127.0.0.1', port: 2525, security: 'none', from: 'herald@example.com' },
    });
    const hook = await data.notifiers.create({
      name: 'hook',
      type: 'webhook',
      description: null,
      isDefault: false,
      fallback: null,
      config: { url: 'http://127.0.0.1:9/' },
    });
    await data.resources.attach({ kind: 'deployment', id: 'default' }, hook.id, ['any']);
    await data.users.put('u-1', { email: 'alice@example.com', name: 'Alice' });
    await data.users.put('u-2', { name: 'No Mail' });
  });

  afterAll(async () => {
    await router?.close();
    await Promise.all([routeQueue, slackQueue].map((queue) => queue?.close()));
    redis?.disconnect();
    await data?.close();
    await deleteQueueKeys(prefix);
    await database?.drop();
  });

  async function route(): Promise<string> {
    const id = randomUUID();
    await data.notifications.insert(
      notificationFixture({ id, recipients: [{ userId: 'u-1' }, { userId: 'u-2' }] }),
    );
    await routeQueue.add('route', { notificationId: id }, { jobId: id });
    await eventually(
      async () => {
        const view = await data.notifications.findView(id);
        return view?.status === 'routed' ? view : undefined;
      },
      10_000,
      `notification ${id} routed`,
    );
    return id;
  }

  it('counts routed notifications and created deliveries, and shows queue depths and pause switches', async () => {
    await route();
    await route();
    await slackQueue.add('deliver', { deliveryId: randomUUID() }, { delay: 60_000 });
    await data.settings.writePauseFlag('email', true);

    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    const lines = (await response.text()).split('\n');
    for (const line of [
      'herald_notifications_routed_total 2',
      'herald_deliveries_created_total{channel="webhook",status="pending"} 2',
      'herald_deliveries_created_total{channel="email",status="pending"} 2',
      'herald_deliveries_created_total{channel="email",status="skipped",reason="no_address"} 2',
      'herald_route_duration_seconds_count 2',
      'herald_queue_jobs{queue="deliver.email",state="waiting"} 2',
      'herald_queue_jobs{queue="deliver.webhook",state="waiting"} 2',
      'herald_queue_jobs{queue="deliver.slack",state="delayed"} 1',
      'herald_queue_jobs{queue="deliver.slack",state="waiting"} 0',
      'herald_queue_jobs{queue="route",state="active"} 0',
      'herald_queue_jobs{queue="failover",state="failed"} 0',
      'herald_paused{channel="all"} 0',
      'herald_paused{channel="email"} 1',
      'herald_paused{channel="webhook"} 0',
    ]) {
      expect(lines).toContain(line);
    }
    expect(lines.some((line) => line.startsWith('process_resident_memory_bytes '))).toBe(true);
  });

  it('is ready while Postgres and Redis answer and the route worker runs', async () => {
    const ready = await fetch(`${base}/health/ready`);
    expect([ready.status, await ready.json()]).toEqual([
      200,
      { status: 'ok', checks: { postgres: 'up', redis: 'up', consuming: 'up' } },
    ]);
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });

  it('logs routing as JSON lines carrying the notificationId', async () => {
    const id = await route();
    const entries = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toContainEqual(
      expect.objectContaining({
        level: 'info',
        app: 'router',
        context: 'Router',
        notificationId: id,
        msg: expect.stringContaining('2 pending, 1 skipped'),
      }),
    );
  });
});
