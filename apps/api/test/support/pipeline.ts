import type { INestApplicationContext } from '@nestjs/common';
import { ChannelName, type NotificationView } from '@herald/contracts';
import { createRouter, RouterEnv } from '@herald/router';
import { eventually, TEST_REDIS_URL } from '@herald/testing';
import {
  type ChannelAdapter,
  createChannelWorker,
  DeliveryError,
  type OutboundDelivery,
  type SendResult,
  WorkerEnv,
} from '@herald/worker-kit';
import type { TestApp } from './test-app.js';

/**
 * A webhook "provider" that records what it is given. An event with `data.refuseFirst: true` is
 * refused for good on its first attempt (a 4xx, say) and accepted on any later one.
 */
export class RecordingAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Webhook;
  /** Delivery ids, in the order they were sent. */
  readonly sent: string[] = [];

  async send(delivery: OutboundDelivery): Promise<SendResult> {
    if (delivery.notification.data.refuseFirst === true && delivery.attemptNumber === 1) {
      throw DeliveryError.permanent('the receiver refused it', { providerCode: '422' });
    }
    this.sent.push(delivery.id);
    return { providerCode: '200' };
  }
}

export interface Pipeline {
  adapter: RecordingAdapter;
  router: INestApplicationContext;
  worker: INestApplicationContext;
  /** Posts an event and waits until it is routed: its one webhook delivery exists. */
  post(data?: Record<string, unknown>): Promise<NotificationView>;
  /** Waits until `check` holds for the notification, and answers it. */
  until(id: string, check: (view: NotificationView) => boolean, what: string): Promise<NotificationView>;
  close(): Promise<void>;
}

/**
 * The rest of Herald behind the API under test, in this process: the real router and a real
 * webhook worker (with a recording adapter) over the API's database and queue prefix, and one
 * webhook notifier attached to the root resource, so every event gets one webhook delivery.
 */
export async function startPipeline(api: TestApp): Promise<Pipeline> {
  const shared = {
    DATABASE_URL: api.database.url,
    REDIS_URL: TEST_REDIS_URL,
    HERALD_QUEUE_PREFIX: api.queuePrefix,
  };
  const router = await createRouter(RouterEnv.from(shared), ['error']);
  const adapter = new RecordingAdapter();
  const worker = await createChannelWorker(
    adapter,
    WorkerEnv.from({ ...shared, HERALD_BACKOFF_BASE_MS: '50', HERALD_BACKOFF_CAP_MS: '200' }),
    ['error'],
  );

  const setup = [
    await api.request('POST', '/v1/notifiers', {
      body: { name: 'hook', type: 'webhook', config: { url: 'http://127.0.0.1:9/hook' } },
    }),
    await api.request('PUT', '/v1/resources/deployment/default', { body: {} }),
    await api.request('POST', '/v1/resources/deployment/default/notifiers', {
      body: { notifier: 'hook', triggers: ['any'] },
    }),
  ];
  if (setup.some((response) => response.status >= 300)) {
    throw new Error(`pipeline setup failed: ${JSON.stringify(setup.map((r) => r.body))}`);
  }

  const view = async (id: string): Promise<NotificationView> =>
    (await api.request('GET', `/v1/notifications/${id}`)).body;
  const until = (id: string, check: (view: NotificationView) => boolean, what: string) =>
    eventually(
      async () => {
        const current = await view(id);
        return check(current) ? current : undefined;
      },
      15_000,
      `notification ${id}: ${what}`,
    );

  return {
    adapter,
    router,
    worker,
    async post(data = {}) {
      const accepted = await api.request('POST', '/v1/events', { body: { type: 'build.finished', data } });
      if (accepted.status !== 202) throw new Error(`event refused: ${JSON.stringify(accepted.body)}`);
      return until(accepted.body.id, (current) => current.deliveries.length === 1, 'routed');
    },
    until,
    async close() {
      await worker.close();
      await router.close();
    },
  };
}
