import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { PauseSwitch } from '@herald/queue';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { deliverQueuesProvider, pauseSwitchProvider } from './deliver-queues.provider.js';
import { DeliveryJobs } from './delivery-jobs.service.js';
import { PauseSyncService } from './pause-sync.service.js';
import { DELIVER_QUEUES, REDIS_PRODUCER, ROUTE_QUEUE } from './queue.tokens.js';
import { redisProducerProvider, routeQueueProvider } from './route-queue.provider.js';

@Global()
@Module({
  providers: [
    redisProducerProvider,
    routeQueueProvider,
    deliverQueuesProvider,
    pauseSwitchProvider,
    PauseSyncService,
    DeliveryJobs,
  ],
  exports: [REDIS_PRODUCER, ROUTE_QUEUE, DELIVER_QUEUES, PauseSwitch, DeliveryJobs],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(
    @Inject(ROUTE_QUEUE) private readonly routeQueue: Queue,
    @Inject(DELIVER_QUEUES) private readonly deliverQueues: ReadonlyMap<string, Queue>,
    @Inject(REDIS_PRODUCER) private readonly connection: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    // The queues share the connection, so closing them leaves the connection to us.
    await Promise.all([this.routeQueue, ...this.deliverQueues.values()].map((queue) => queue.close()));
    // quit() lets pending replies arrive; when Redis is away it fails at once and we just drop the socket.
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
