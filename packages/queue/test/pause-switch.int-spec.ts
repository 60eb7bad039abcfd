import { type Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { CHANNEL_NAMES, type ChannelName, deliverQueueName, QueueName } from '@herald/contracts';
import { HeraldData, migrateDatabase } from '@herald/data';
import {
  assertRedisReachable,
  createTestDatabase,
  deleteQueueKeys,
  eventually,
  freshQueuePrefix,
  TEST_REDIS_URL,
  type TestDatabase,
} from '@herald/testing';
import {
  createQueue,
  createRedisConnection,
  PauseSwitch,
  queueKeyPrefix,
  UnknownChannelError,
} from '../src/index.js';

describe('PauseSwitch against real BullMQ queues and Postgres', () => {
  const prefix = freshQueuePrefix();
  let database: TestDatabase;
  let data: HeraldData;
  let connection: Redis;
  let queues: Map<string, Queue>;
  let routeQueue: Queue;
  let pauseSwitch: PauseSwitch;
  const closers: (() => Promise<unknown>)[] = [];

  /** What a process that owns the deliver queues has after it starts: fresh queue objects. */
  function deliverQueues(): Map<string, Queue> {
    const created = new Map(
      CHANNEL_NAMES.map((channel) => [
        channel,
        createQueue(deliverQueueName(channel as ChannelName), connection, prefix, { attempts: 3 }),
      ]),
    );
    closers.push(() => Promise.all([...created.values()].map((queue) => queue.close())));
    return created;
  }

  async function pausedQueues(of: Map<string, Queue> = queues): Promise<Record<string, boolean>> {
    const states = await Promise.all(
      [...of].map(async ([channel, queue]) => [channel, await queue.isPaused()]),
    );
    return Object.fromEntries(states);
  }

  const allPaused = (paused: boolean) =>
    Object.fromEntries(CHANNEL_NAMES.map((channel) => [channel, paused]));

  beforeAll(async () => {
    await assertRedisReachable();
    database = await createTestDatabase(migrateDatabase);
    data = await HeraldData.connect({ url: database.url });
    connection = createRedisConnection(TEST_REDIS_URL, 'worker');
    queues = deliverQueues();
    routeQueue = createQueue(QueueName.Route, connection, prefix, { attempts: 3 });
    pauseSwitch = new PauseSwitch(queues, data.settings);
  });

  afterAll(async () => {
    for (const close of closers) await close();
    await routeQueue?.close();
    connection?.disconnect();
    await data?.close();
    await deleteQueueKeys(prefix);
    await database?.drop();
  });

  afterEach(async () => {
    // Every test starts with nothing paused, in the store and in Redis.
    await pauseSwitch.resumeAll();
    for (const channel of CHANNEL_NAMES) await pauseSwitch.resumeChannel(channel);
  });

  it('pauses every deliver queue, never the route queue, and stores the flag', async () => {
    expect(await pauseSwitch.pauseAll()).toEqual({ paused: true, channels: [] });

    expect(await pausedQueues()).toEqual(allPaused(true));
    expect(await routeQueue.isPaused()).toBe(false);
    expect(await data.settings.readPauseFlags()).toEqual({ paused: true, channels: [] });

    await pauseSwitch.resumeAll();
    expect(await pausedQueues()).toEqual(allPaused(false));
  });

  it('holds a real worker back until resumed', async () => {
    const processed: string[] = [];
    const name = deliverQueueName(CHANNEL_NAMES[0] as ChannelName);
    const workerConnection = createRedisConnection(TEST_REDIS_URL, 'worker');
    const worker = new Worker(name, async (job) => void processed.push(job.id!), {
      connection: workerConnection,
      prefix: queueKeyPrefix(prefix, name),
    });
    try {
      await worker.waitUntilReady();
      await pauseSwitch.pauseAll();
      await queues.get(CHANNEL_NAMES[0]!)!.add('deliver', { deliveryId: 'd-1' }, { jobId: 'd-1' });
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(processed).toEqual([]);

      await pauseSwitch.resumeAll();
      await eventually(() => (processed.length > 0 ? true : undefined), 5000, 'the job to run');
      expect(processed).toEqual(['d-1']);
    } finally {
      await worker.close();
      workerConnection.disconnect();
    }
  });

  it('re-applies the stored flag at start, also to a Redis that lost its state', async () => {
    await pauseSwitch.pauseAll();
    // Redis restarted without its data: the queue's paused marker is gone, the stored flag is not.
    for (const queue of queues.values()) await queue.resume();
    expect(await pausedQueues()).toEqual(allPaused(false));

    // A process starting up: its own connection to Postgres, fresh queue objects, a new switch.
    const restarted = await HeraldData.connect({ url: database.url });
    try {
      const freshQueues = deliverQueues();
      expect(await new PauseSwitch(freshQueues, restarted.settings).apply()).toEqual({
        paused: true,
        channels: [],
      });
      expect(await pausedQueues(freshQueues)).toEqual(allPaused(true));
    } finally {
      await restarted.close();
    }
  });

  it('re-applies the stored flag when its Redis connection comes back', async () => {
    const errors: unknown[] = [];
    const stop = pauseSwitch.reapplyWhenReady(connection, (error) => errors.push(error));
    try {
      await pauseSwitch.pauseAll();
      for (const queue of queues.values()) await queue.resume();

      // A dropped connection that reconnects, as after a Redis restart.
      connection.disconnect(true);
      await eventually(
        async () => (Object.values(await pausedQueues()).every(Boolean) ? true : undefined),
        5000,
        'the queues to be paused again',
      );
      expect(errors).toEqual([]);
    } finally {
      stop();
    }
  });

  it('keeps a channel paused on its own across a global resume', async () => {
    const [first, second] = CHANNEL_NAMES as [string, string];
    expect(await pauseSwitch.pauseChannel(first)).toEqual({ paused: false, channels: [first] });
    expect(await pausedQueues()).toEqual({ ...allPaused(false), [first]: true });

    await pauseSwitch.pauseAll();
    expect(await pausedQueues()).toEqual(allPaused(true));
    // The global switch still holds a channel resumed on its own.
    await pauseSwitch.resumeChannel(second);
    expect(await pausedQueues()).toEqual(allPaused(true));

    await pauseSwitch.resumeAll();
    expect(await pausedQueues()).toEqual({ ...allPaused(false), [first]: true });

    await pauseSwitch.resumeChannel(first);
    expect(await pausedQueues()).toEqual(allPaused(false));
    expect(await pauseSwitch.flags()).toEqual({ paused: false, channels: [] });
  });

  it('refuses an unknown channel', async () => {
    await expect(pauseSwitch.pauseChannel('carrier-pigeon')).rejects.toThrow(UnknownChannelError);
    expect(await pauseSwitch.flags()).toEqual({ paused: false, channels: [] });
  });
});
