import { Logger, type Provider } from '@nestjs/common';
import { QueueName } from '@herald/contracts';
import { checkEvictionPolicy, createQueue, createRedisConnection } from '@herald/queue';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { ApiEnv } from '../config/api-env.js';
import { REDIS_PRODUCER, ROUTE_QUEUE } from './queue.tokens.js';

const logger = new Logger('Queue');

/**
 * A producer connection fails fast instead of queueing commands while Redis is away: the API must
 * answer (the outbox relay enqueues later), never hang. It does not wait for Redis at start either.
 */
export const redisProducerProvider: Provider = {
  provide: REDIS_PRODUCER,
  inject: [ApiEnv],
  useFactory: (env: ApiEnv): Redis => {
    const connection = createRedisConnection(env.redisUrl, 'producer');
    // On every (re)connect, since Redis may have been replaced or reconfigured while we were away.
    connection.on('ready', () => {
      void checkEvictionPolicy(connection).then((warning) => warning && logger.warn(warning));
    });
    return connection;
  },
};

export const routeQueueProvider: Provider = {
  provide: ROUTE_QUEUE,
  inject: [ApiEnv, REDIS_PRODUCER],
  useFactory: (env: ApiEnv, connection: Redis): Queue => {
    const queue = createQueue(QueueName.Route, connection, env.queuePrefix, { attempts: env.maxAttempts });
    // An EventEmitter 'error' without a listener would crash the process whenever Redis drops.
    // Reconnect attempts repeat the same error, so only the change of state is logged.
    let down = false;
    queue.on('error', (error) => {
      if (!down) logger.warn(`Redis unreachable, events will wait for the outbox relay: ${error.message}`);
      down = true;
    });
    connection.on('ready', () => {
      if (down) logger.log('Redis reachable again');
      down = false;
    });
    return queue;
  },
};
