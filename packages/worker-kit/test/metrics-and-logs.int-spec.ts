import { randomUUID } from 'node:crypto';
import { type INestApplicationContext, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { ChannelName } from '@herald/contracts';
import { HeraldData, migrateDatabase } from '@herald/data';
import { deliveryFixture, notificationFixture } from '@herald/data/testing';
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
import {
  type ChannelAdapter,
  ChannelWorkerService,
  createChannelWorker,
  DeliveryError,
  type OutboundDelivery,
  type OutboundNotifier,
  type SendResult,
  WorkerEnv,
} from '../src/index.js';

const SECRETS = { secret: 'hmac-secret-5f1a', bearerToken: 'bearer-token-9c2e', password: 'basic-pass-77' };

/** Sends whatever a delivery's title says; logs the notifier's config, as a careless adapter might. */
class FakeWebhookAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Webhook;
  private readonly logger = new Logger('FakeWebhook');

  async send(delivery: OutboundDelivery, notifier: OutboundNotifier): Promise<SendResult> {
    this.logger.log({ msg: 'sending', config: notifier.config });
    if (delivery.message.title === 'reject') throw DeliveryError.permanent('HTTP 400: bad request');
    return { providerCode: '200' };
  }
}

describe('a channel worker serves its metrics and logs JSON lines with correlation ids', () => {
  const prefix = freshQueuePrefix();
  const stdout: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  let database: TestDatabase;
  let data: HeraldData;
  let worker: INestApplicationContext;
  let redis: Redis;
  let queue: Queue;
  let notifierId: string;
  let base: string;

  beforeAll(async () => {
    await assertRedisReachable();
    // The worker's logger writes to the real stdout; the test reads what reaches it.
    process.stdout.write = ((chunk: string | Uint8Array) => {
      stdout.push(chunk.toString());
      return true;
    }) as typeof process.stdout.write;
    database = await createTestDatabase(migrateDatabase);
    data = await HeraldData.connect({ url: database.url });
    const env = WorkerEnv.from({
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      HERALD_QUEUE_PREFIX: prefix,
    });
    const logger = new PinoNestLogger(
      createLogger({ app: 'worker-webhook', settings: { format: LogFormat.Json, level: 'info' } }),
    );
    worker = await createChannelWorker(new FakeWebhookAdapter(), env, logger);
    const port = await worker.get(ChannelWorkerService).serveOps(await freePort());
    base = `http://127.0.0.1:${port}`;
    redis = createRedisConnection(TEST_REDIS_URL, 'worker');
    queue = createQueue('deliver.webhook', redis, prefix, { attempts: 3 });
    notifierId = (
      await data.notifiers.create({
        name: 'hook',
        type: 'webhook',
        description: null,
        isDefault: false,
        fallback: null,
        config: { url: 'http://127.0.0.1:9/', ...SECRETS },
      })
    ).id;
  });

  afterAll(async () => {
    process.stdout.write = write;
    await worker?.close();
    await queue?.close();
    redis?.disconnect();
    await data?.close();
    await deleteQueueKeys(prefix);
    await database?.drop();
  });

  async function deliver(title: string): Promise<{ notificationId: string; deliveryId: string }> {
    const notificationId = randomUUID();
    const deliveryId = randomUUID();
    await data.notifications.insert(notificationFixture({ id: notificationId, type: 'test.event' }));
    await data.transaction(async (tx) => {
      await data.deliveries.insertMany(tx, [
        deliveryFixture({
          id: deliveryId,
          notificationId,
          notifierId,
          notifierName: 'hook',
          message: { title, markdown: 'B', text: 'B' },
        }),
      ]);
      await tx.query(`UPDATE notifications SET status = 'routed' WHERE id = $1`, [notificationId]);
    });
    await queue.add('deliver', { deliveryId }, { jobId: deliveryId, attempts: 3 });
    await eventually(
      async () => {
        const view = await data.notifications.findView(notificationId);
        return view?.status === 'completed' ? view : undefined;
      },
      15_000,
      `notification ${notificationId} completed`,
    );
    return { notificationId, deliveryId };
  }

  const entries = () =>
    stdout
      .flatMap((chunk) => chunk.split('\n'))
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it('counts attempts by result, final statuses, durations, and no send left in flight', async () => {
    await deliver('hello');
    await deliver('reject');
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    const lines = [
      'herald_delivery_attempts_total{channel="webhook",result="sent"} 1',
      'herald_delivery_attempts_total{channel="webhook",result="permanent"} 1',
      'herald_delivery_attempts_total{channel="webhook",result="retryable"} 0',
      'herald_delivery_attempts_total{channel="webhook",result="rate_limited"} 0',
      'herald_deliveries_total{channel="webhook",status="sent"} 1',
      'herald_deliveries_total{channel="webhook",status="failed"} 1',
      'herald_retries_total{channel="webhook"} 0',
      'herald_delivery_attempt_duration_seconds_count{channel="webhook"} 2',
      'herald_accept_to_delivered_seconds_count{channel="webhook"} 1',
      'herald_sends_in_flight{channel="webhook"} 0',
    ];
    for (const line of lines) expect(text.split('\n')).toContain(line);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('is live, and ready while Postgres and Redis answer and it consumes', async () => {
    expect(await (await fetch(`${base}/health/live`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/health/ready`);
    expect([ready.status, await ready.json()]).toEqual([
      200,
      { status: 'ok', checks: { postgres: 'up', redis: 'up', consuming: 'up' } },
    ]);
  });

  it('logs every line about an attempt with its notificationId and deliveryId, and no secret', async () => {
    const { notificationId, deliveryId } = await deliver('reject');
    const about = entries().filter((entry) => entry.deliveryId === deliveryId);
    expect(about).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          level: 'info',
          app: 'worker-webhook',
          context: 'FakeWebhook',
          msg: 'sending',
          notificationId,
          // A notifier's URL may carry a token (Slack's, an AMQP password): redacted as well.
          config: {
            url: '[redacted]',
            secret: '[redacted]',
            bearerToken: '[redacted]',
            password: '[redacted]',
          },
        }),
        expect.objectContaining({
          level: 'warn',
          context: 'DeliveryProcessor',
          notificationId,
          msg: expect.stringContaining('permanent: HTTP 400: bad request (failed for good)'),
        }),
      ]),
    );
    expect(
      entries().find((entry) => entry.msg === 'consuming deliver.webhook (concurrency 20)'),
    ).toMatchObject({
      context: 'ChannelWorker',
    });
    const everything = stdout.join('');
    for (const secret of Object.values(SECRETS)) expect(everything).not.toContain(secret);
  });
});
