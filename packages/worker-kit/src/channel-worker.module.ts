import { type DynamicModule, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { HeraldData } from '@herald/data';
import type { ChannelAdapter } from './channel-adapter.js';
import { CHANNEL_ADAPTER, ChannelWorkerService } from './channel-worker.service.js';
import { WorkerEnv } from './worker-env.js';

@Module({})
export class ChannelWorkerModule implements OnApplicationShutdown {
  constructor(@Inject(HeraldData) private readonly data: HeraldData) {}

  static register(adapter: ChannelAdapter, env: WorkerEnv): DynamicModule {
    return {
      module: ChannelWorkerModule,
      providers: [
        { provide: WorkerEnv, useValue: env },
        { provide: CHANNEL_ADAPTER, useValue: adapter },
        {
          provide: HeraldData,
          useFactory: () =>
            HeraldData.start(
              {
                url: env.DATABASE_URL,
                poolSize: env.HERALD_DB_POOL_SIZE,
                // Up to HERALD_CONCURRENCY sends share the pool; waiting for a connection is fine.
                connectTimeoutMs: 10_000,
                secretKeys: { current: env.HERALD_SECRET_KEY, previous: env.HERALD_SECRET_KEYS_PREVIOUS },
              },
              new Logger('Data'),
            ),
        },
        ChannelWorkerService,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.data.close();
  }
}
