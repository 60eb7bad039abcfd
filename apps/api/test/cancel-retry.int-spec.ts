import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { AttemptOutcome, DeliveryStatus, NotificationStatus, type NotificationView } from '@herald/contracts';
import { createQueue, createRedisConnection } from '@herald/queue';
import { TEST_REDIS_URL } from '@herald/testing';
import { hashApiKey } from '../src/auth/api-key-credentials.js';
import { type Pipeline, startPipeline } from './support/pipeline.js';
import { expectErrorEnvelope, startTestApp, type TestApp } from './support/test-app.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('cancel and retry with the router and a worker running', () => {
  let api: TestApp;
  let pipeline: Pipeline;
  let redis: Redis;
  let webhookQueue: Queue;

  beforeAll(async () => {
    api = await startTestApp();
    pipeline = await startPipeline(api);
    redis = createRedisConnection(TEST_REDIS_URL, 'worker');
    webhookQueue = createQueue('deliver.webhook', redis, api.queuePrefix, { attempts: 5 });
  });

  afterAll(async () => {
    await pipeline?.close();
    await webhookQueue?.close();
    redis?.disconnect();
    await api?.close();
  });

  afterEach(async () => {
    await api.request('POST', '/v1/admin/resume');
  });

  describe('POST /v1/notifications/:id/cancel', () => {
    it('cancels deliveries that wait, removes their jobs and completes the notification', async () => {
      // Paused, so the deliveries are still pending when the cancel comes.
      await api.request('POST', '/v1/admin/pause');
      const cancelled = await pipeline.post();
      const kept = await pipeline.post();
      const deliveryId = cancelled.deliveries[0]!.id;
      expect(await webhookQueue.getJob(deliveryId)).toBeDefined();

      const response = await api.request('POST', `/v1/notifications/${cancelled.id}/cancel`);

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: cancelled.id,
        status: NotificationStatus.Completed,
        deliveries: [{ id: deliveryId, status: DeliveryStatus.Cancelled, attemptCount: 0, attempts: [] }],
      });
      expect(await webhookQueue.getJob(deliveryId)).toBeUndefined();

      // Once resumed the other one goes out; the cancelled one never does.
      await api.request('POST', '/v1/admin/resume');
      await pipeline.until(kept.id, (view) => view.deliveries[0]!.status === DeliveryStatus.Sent, 'sent');
      expect(pipeline.adapter.sent).toContain(kept.deliveries[0]!.id);
      expect(pipeline.adapter.sent).not.toContain(deliveryId);
    });

    it('may be repeated, and leaves what was sent alone', async () => {
      const view = await pipeline.post();
      const done = await pipeline.until(
        view.id,
        (current) => current.status === NotificationStatus.Completed,
        'sent',
      );

      for (let i = 0; i < 2; i++) {
        const response = await api.request('POST', `/v1/notifications/${view.id}/cancel`);
        expect(response.status).toBe(200);
        expect(response.body).toEqual(done);
      }
    });

    it('answers 404 for an unknown notification', async () => {
      expectErrorEnvelope(await api.request('POST', `/v1/notifications/${UNKNOWN}/cancel`), 404, 'not_found');
      expectErrorEnvelope(await api.request('POST', '/v1/notifications/not-an-id/cancel'), 404, 'not_found');
    });
  });

  describe('POST /v1/notifications/:id/retry', () => {
    it('re-drives a delivery that failed for good until it is sent, keeping both attempts', async () => {
      const view = await pipeline.post({ refuseFirst: true });
      const deliveryId = view.deliveries[0]!.id;
      const failed = await pipeline.until(
        view.id,
        (current) => current.status === NotificationStatus.Completed,
        'failed for good',
      );
      expect(failed.deliveries[0]).toMatchObject({ status: DeliveryStatus.Failed, attemptCount: 1 });
      // Its job sits in the failed set under the delivery's id, where a plain add would be a no-op.
      expect(await webhookQueue.getJob(deliveryId).then((job) => job?.getState())).toBe('failed');

      const response = await api.request('POST', `/v1/notifications/${view.id}/retry`);

      expect(response.status).toBe(202);
      expect(response.body).toEqual({ id: view.id, retried: 1 });
      const retried = await pipeline.until(
        view.id,
        (current: NotificationView) =>
          current.status === NotificationStatus.Completed &&
          current.deliveries[0]!.status === DeliveryStatus.Sent,
        'sent after the retry',
      );
      expect(retried.deliveries[0]).toMatchObject({
        attemptCount: 2,
        lastError: null,
        attempts: [
          {
            number: 1,
            outcome: AttemptOutcome.Permanent,
            providerCode: '422',
            error: 'the receiver refused it',
          },
          { number: 2, outcome: AttemptOutcome.Sent, providerCode: '200', error: null },
        ],
      });
      expect(pipeline.adapter.sent.filter((id) => id === deliveryId)).toHaveLength(1);

      // Nothing failed any more: nothing to retry.
      expect((await api.request('POST', `/v1/notifications/${view.id}/retry`)).body).toEqual({
        id: view.id,
        retried: 0,
      });
    });

    it('gives a delivery whose job is gone a new one', async () => {
      const view = await pipeline.post({ refuseFirst: true });
      const deliveryId = view.deliveries[0]!.id;
      await pipeline.until(view.id, (current) => current.status === NotificationStatus.Completed, 'failed');
      // BullMQ drops old failed jobs (removeOnFail); the delivery row outlives it.
      await webhookQueue.remove(deliveryId);

      expect((await api.request('POST', `/v1/notifications/${view.id}/retry`)).body).toEqual({
        id: view.id,
        retried: 1,
      });
      await pipeline.until(
        view.id,
        (current) => current.deliveries[0]!.status === DeliveryStatus.Sent,
        'sent',
      );
    });

    it('answers 404 for an unknown notification', async () => {
      expectErrorEnvelope(await api.request('POST', `/v1/notifications/${UNKNOWN}/retry`), 404, 'not_found');
    });
  });

  it('lets only admin keys cancel and retry', async () => {
    const reader = 'reader-key-0123456789';
    await api.data.apiKeys.ensure('dashboard', hashApiKey(reader), ['read']);
    for (const action of ['cancel', 'retry']) {
      const path = `/v1/notifications/${UNKNOWN}/${action}`;
      expectErrorEnvelope(await api.request('POST', path, { key: reader }), 403, 'forbidden');
      expectErrorEnvelope(await api.request('POST', path, { key: null }), 401, 'unauthorized');
    }
  });
});
