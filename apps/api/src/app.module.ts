import { type DynamicModule, Module } from '@nestjs/common';
import { AdminModule } from './admin/admin.module.js';
import { ApiKeysModule } from './api-keys/api-keys.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ApiEnv } from './config/api-env.js';
import { ConfigModule } from './config/config.module.js';
import { DataModule } from './data/data.module.js';
import { EventTypesModule } from './event-types/event-types.module.js';
import { EventsModule } from './events/events.module.js';
import { GrpcModule } from './grpc/grpc.module.js';
import { HealthModule } from './health/health.module.js';
import { HooksModule } from './hooks/hooks.module.js';
import { InboxModule } from './inbox/inbox.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { NotifiersModule } from './notifiers/notifiers.module.js';
import { PreferencesModule } from './preferences/preferences.module.js';
import { QueueModule } from './queue/queue.module.js';
import { QueueBoardModule } from './queue-board/queue-board.module.js';
import { ResourcesModule } from './resources/resources.module.js';
import { UsersModule } from './users/users.module.js';

@Module({})
export class AppModule {
  /** The environment is passed in rather than read here, so tests can boot several apps side by side. */
  static forRoot(env: ApiEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(env),
        DataModule,
        QueueModule,
        AuthModule,
        EventsModule,
        NotificationsModule,
        NotifiersModule,
        ResourcesModule,
        UsersModule,
        InboxModule,
        PreferencesModule,
        EventTypesModule,
        AdminModule,
        HooksModule,
        ApiKeysModule,
        HealthModule,
        MetricsModule,
        GrpcModule,
        QueueBoardModule,
      ],
    };
  }
}
