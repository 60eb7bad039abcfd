import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { CHANNEL_NAMES, type ChannelName, type DeliverJobPayload, deliverQueueName } from '@herald/contracts';
import { checkEvictionPolicy, createQueue, createRedisConnection } from '@herald/queue';
import { RouterEnv } from '../config/router-env.js';

/** The router's one set of deliver.<channel> queues, on one connection: fan-out, pause, reconciler. */
@Injectable()
export class DeliveryQueues implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly connection: Redis;
  private readonly queues = new Map<string, Queue<DeliverJobPayload>>();

  constructor(env: RouterEnv) {
    // The router is a worker-side process: it rides out Redis restarts rather than failing fast.
    this.connection = createRedisConnection(env.REDIS_URL, 'worker');
    for (const channel of CHANNEL_NAMES as ChannelName[]) {
      const queue = createQueue(deliverQueueName(channel), this.connection, env.HERALD_QUEUE_PREFIX, {
        attempts: env.HERALD_MAX_ATTEMPTS,
      });
      // The connection retries through an outage; an 'error' event without a listener would crash.
      queue.on('error', () => undefined);
      this.queues.set(channel, queue as Queue<DeliverJobPayload>);
    }
  }

  /** Every deliver queue, by channel name. */
  get byChannel(): ReadonlyMap<string, Queue<DeliverJobPayload>> {
    return this.queues;
  }

  queue(channel: string): Queue<DeliverJobPayload> {
    const queue = this.queues.get(channel);
    if (!queue) throw new Error(`no queue for channel ${channel}`);
    return queue;
  }

  async onApplicationBootstrap(): Promise<void> {
    const warning = await checkEvictionPolicy(this.connection);
    if (warning) new Logger('DeliveryQueues').warn(warning);
  }

  /** Job id = delivery id: enqueuing a delivery that is already queued is a no-op. */
  async enqueue(deliveries: { id: string; channel: string }[]): Promise<void> {
    const byChannel = new Map<Queue<DeliverJobPayload>, { id: string }[]>();
    for (const delivery of deliveries) {
      const queue = this.queue(delivery.channel);
      byChannel.set(queue, [...(byChannel.get(queue) ?? []), delivery]);
    }
    await Promise.all(
      [...byChannel].map(([queue, items]) =>
        queue.addBulk(
          items.map(({ id }) => ({ name: 'deliver', data: { deliveryId: id }, opts: { jobId: id } })),
        ),
      ),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.connection.disconnect();
  }
}
