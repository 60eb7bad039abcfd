import { Queue, type DefaultJobOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { HERALD_BACKOFF } from './backoff.js';

export interface QueueDefaults {
  /** Tries per job, the first included. */
  attempts: number;
}

/** Finished jobs are history in Postgres already; Redis keeps only a short tail for the dashboard. */
export function defaultJobOptions({ attempts }: QueueDefaults): DefaultJobOptions {
  return {
    attempts,
    backoff: { type: HERALD_BACKOFF },
    removeOnComplete: { age: 3600, count: 1000 },
    removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
  };
}

/**
 * Each queue's keys carry its own hash tag (`herald:{deliver.email}:...`), so on Redis Cluster or
 * Valkey a queue stays in one slot while different queues spread over the cluster.
 */
export function queueKeyPrefix(basePrefix: string, queueName: string): string {
  return `${basePrefix}:{${queueName}}`;
}

export function createQueue(
  name: string,
  connection: Redis,
  basePrefix: string,
  defaults: QueueDefaults,
): Queue {
  return new Queue(name, {
    connection,
    prefix: queueKeyPrefix(basePrefix, name),
    defaultJobOptions: defaultJobOptions(defaults),
  });
}
