import { CHANNEL_NAMES, type ChannelName, deliverQueueName } from '@herald/contracts';
import { createQueue, createRedisConnection } from '@herald/queue';
import { assertRedisReachable, deleteQueueKeys, freshQueuePrefix, TEST_REDIS_URL } from '@herald/testing';
import { waitListKey } from './worker-manifests.js';

// The ScaledObjects watch a key by name: prove on a real Redis that Herald's queues fill that very
// list, so a BullMQ upgrade or a change of Herald's key prefix cannot leave KEDA watching nothing.
describe('the list KEDA watches', () => {
  const prefix = freshQueuePrefix();
  const connection = createRedisConnection(TEST_REDIS_URL, 'producer');

  beforeAll(() => assertRedisReachable());
  afterAll(async () => {
    await deleteQueueKeys(prefix);
    await connection.quit();
  });

  it.each(CHANNEL_NAMES.map((channel) => [channel]))('is where a deliver.%s job waits', async (channel) => {
    const queue = createQueue(deliverQueueName(channel as ChannelName), connection, prefix, { attempts: 1 });
    try {
      await queue.add('deliver', { deliveryId: `d-${channel}` }, { jobId: `d-${channel}` });
      await queue.add('deliver', { deliveryId: `e-${channel}` }, { jobId: `e-${channel}` });
      expect(await connection.llen(waitListKey(prefix, channel))).toBe(2);
    } finally {
      await queue.close();
    }
  });
});
