import type { Provider } from '@nestjs/common';
import { CHANNEL_NAMES, type ChannelName, deliverQueueName } from '@herald/contracts';
import { HeraldData } from '@herald/data';
import { createQueue, PauseSwitch } from '@herald/queue';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { ApiEnv } from '../config/api-env.js';
import { DELIVER_QUEUES, REDIS_PRODUCER } from './queue.tokens.js';

/**
 * Producers for every deliver queue, on the fail-fast producer connection the route queue uses: the
 * API pauses them, counts their jobs, removes the jobs of cancelled deliveries and re-drives retried
 * ones. The route queue's provider already reports Redis going away and coming back.
 */
export const deliverQueuesProvider: Provider = {
  provide: DELIVER_QUEUES,
  inject: [ApiEnv, REDIS_PRODUCER],
  useFactory: (env: ApiEnv, connection: Redis): ReadonlyMap<string, Queue> =>
    new Map(
      (CHANNEL_NAMES as ChannelName[]).map((channel) => {
        const queue = createQueue(deliverQueueName(channel), connection, env.queuePrefix, {
          attempts: env.maxAttempts,
        });
        // An EventEmitter 'error' without a listener would crash the process whenever Redis drops.
        queue.on('error', () => undefined);
        return [channel, queue];
      }),
    ),
};

/** The kill switch, over the deliver queues and the flags persisted in Postgres. */
export const pauseSwitchProvider: Provider = {
  provide: PauseSwitch,
  inject: [DELIVER_QUEUES, HeraldData],
  useFactory: (queues: ReadonlyMap<string, Queue>, data: HeraldData) =>
    new PauseSwitch(queues, data.settings),
};
