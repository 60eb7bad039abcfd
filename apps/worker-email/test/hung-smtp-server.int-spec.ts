import { randomUUID } from 'node:crypto';
import { ChannelName, type DeliveryView } from '@herald/contracts';
import { HeraldData, migrateDatabase } from '@herald/data';
import { createQueue, createRedisConnection } from '@herald/queue';
import {
  assertRedisReachable,
  createTestDatabase,
  deleteQueueKeys,
  eventually,
  freshQueuePrefix,
  TEST_REDIS_URL,
  type TestDatabase,
} from '@herald/testing';
import { createChannelWorker, WorkerEnv } from '@herald/worker-kit';
import { EmailAdapter } from '../src/email.adapter.js';
import { type SmtpTestServer, startSmtpServer } from './smtp-test-server.js';
import { deliveryFixture, notificationFixture } from '@herald/data/testing';

/**
 * An SMTP server that takes the message and never answers the end of DATA: the worker must give
 * up at the dispatch timeout, record the attempt as a retryable timeout, and send it on a retry.
 */
describe('email worker against a hung SMTP server', () => {
  const prefix = freshQueuePrefix();
  let hangs = 1;
  let accepted = 0;
  let smtp: SmtpTestServer;
  let database: TestDatabase;
  let data: HeraldData;

  beforeAll(async () => {
    await assertRedisReachable();
    smtp = await startSmtpServer({
      // The first message is swallowed without a reply; later ones are accepted as usual.
      onData: (stream, _session, callback) => {
        stream.resume();
        stream.on('end', () => {
          if (hangs-- > 0) return;
          accepted++;
          callback();
        });
      },
    });
    database = await createTestDatabase(migrateDatabase);
    data = await HeraldData.connect({ url: database.url });
  });

  afterAll(async () => {
    await data?.close();
    await smtp?.close();
    await deleteQueueKeys(prefix);
    await database?.drop();
  });

  it('records a dispatch timeout, then delivers on the retry', async () => {
    const worker = await createChannelWorker(
      new EmailAdapter(),
      WorkerEnv.from({
        DATABASE_URL: database.url,
        REDIS_URL: TEST_REDIS_URL,
        HERALD_QUEUE_PREFIX: prefix,
        HERALD_DISPATCH_TIMEOUT_MS: '1000',
        HERALD_BACKOFF_BASE_MS: '100',
      }),
      ['error'],
    );
    const redis = createRedisConnection(TEST_REDIS_URL, 'worker');
    const queue = createQueue('deliver.email', redis, prefix, { attempts: 3 });
    try {
      const notifier = await data.notifiers.create({
        name: 'mail',
        type: ChannelName.Email,
        description: null,
        isDefault: true,
        fallback: null,
        config: { host: '127.0.0.1', port: smtp.port, security: 'none', from: 'herald@example.com' },
      });
      const notificationId = randomUUID();
      const deliveryId = randomUUID();
      await data.notifications.insert(
        notificationFixture({
          id: notificationId,
          recipients: [{ email: 'ops@example.com' }],
        }),
      );
      await data.transaction(async (tx) => {
        await data.deliveries.insertMany(tx, [
          deliveryFixture({
            id: deliveryId,
            notificationId,
            channel: ChannelName.Email,
            notifierId: notifier.id,
            notifierName: 'mail',
            address: 'ops@example.com',
            message: { title: 'Hung server', markdown: 'body', text: 'body', html: '<p>body</p>' },
          }),
        ]);
        await tx.query(`UPDATE notifications SET status = 'routed' WHERE id = $1`, [notificationId]);
      });
      await queue.add('deliver', { deliveryId }, { jobId: deliveryId, attempts: 3 });

      const delivery = await eventually<DeliveryView>(
        async () => {
          const found = (await data.notifications.findView(notificationId))?.deliveries[0];
          return found?.status === 'sent' ? found : undefined;
        },
        20_000,
        'the delivery to be sent after the timeout',
      );
      expect(delivery.attempts.map((a) => a.outcome)).toEqual(['retryable', 'sent']);
      expect(delivery.attempts[0]?.error).toMatch(/timeout/i);
      expect(delivery.attempts[0]?.durationMs).toBeGreaterThanOrEqual(900);
      expect(accepted).toBe(1);
    } finally {
      await worker.close();
      await queue.close();
      redis.disconnect();
    }
  });
});
