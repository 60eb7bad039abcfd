import { BullModule } from '@nestjs/bullmq';
import type { ConnectionOptions } from 'bullmq';
import { type DynamicModule, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { QueueName } from '@herald/contracts';
import { HeraldData } from '@herald/data';
import { defaultJobOptions, queueKeyPrefix, redisOptionsFromUrl } from '@herald/queue';
import { RouterEnv } from './config/router-env.js';
import { DeliverJobs } from './maintenance/deliver-jobs.service.js';
import { MaintenanceScheduler } from './maintenance/maintenance-scheduler.service.js';
import { RouterMetrics } from './metrics/router-metrics.js';
import { RouterOps } from './metrics/router-ops.js';
import { MaintenanceProcessor } from './maintenance/maintenance.processor.js';
import { ReconcilerService } from './maintenance/reconciler.service.js';
import { RetentionService } from './maintenance/retention.service.js';
import { DeliveryQueues } from './queues/delivery-queues.service.js';
import { OutboxRelayService } from './outbox/outbox-relay.service.js';
import { pauseStateProvider } from './queues/pause-state.provider.js';
import { RenderService } from './rendering/render.service.js';
import { FailoverProcessor } from './routing/failover.processor.js';
import { FailoverService } from './routing/failover.service.js';
import { RouteProcessor } from './routing/route.processor.js';
import { RouterService } from './routing/router.service.js';
import { TargetResolver } from './routing/target-resolver.js';

/** How long a query may wait for a pooled connection (the API's is short: it answers 503 instead). */
const POOL_WAIT_MS = 10_000;

@Module({})
export class RouterModule implements OnApplicationShutdown {
  constructor(@Inject(HeraldData) private readonly data: HeraldData) {}

  static register(env: RouterEnv): DynamicModule {
    const envProvider = { provide: RouterEnv, useValue: env };
    const connection = {
      ...redisOptionsFromUrl(env.REDIS_URL),
      maxRetriesPerRequest: null,
    } as ConnectionOptions;
    return {
      module: RouterModule,
      imports: [
        BullModule.registerQueue(
          ...[QueueName.Route, QueueName.Maintenance, QueueName.Failover].map((name) => ({
            name,
            connection,
            prefix: queueKeyPrefix(env.HERALD_QUEUE_PREFIX, name),
            // Every job added here (the outbox relay's included) gets attempts and backoff.
            defaultJobOptions: defaultJobOptions({ attempts: env.HERALD_MAX_ATTEMPTS }),
          })),
        ),
      ],
      providers: [
        envProvider,
        {
          provide: HeraldData,
          useFactory: () =>
            HeraldData.start(
              {
                url: env.DATABASE_URL,
                poolSize: env.HERALD_DB_POOL_SIZE,
                // A burst of route jobs may queue for a pooled connection; that is fine, failing is not.
                connectTimeoutMs: POOL_WAIT_MS,
                secretKeys: { current: env.HERALD_SECRET_KEY, previous: env.HERALD_SECRET_KEYS_PREVIOUS },
              },
              new Logger('Data'),
            ),
        },
        DeliveryQueues,
        pauseStateProvider,
        RenderService,
        TargetResolver,
        RouterService,
        RouteProcessor,
        FailoverService,
        FailoverProcessor,
        OutboxRelayService,
        DeliverJobs,
        RetentionService,
        ReconcilerService,
        MaintenanceProcessor,
        MaintenanceScheduler,
        RouterMetrics,
        RouterOps,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.data.close();
  }
}
