import { Module } from '@nestjs/common';
import { AdminQueuesService } from '../admin/admin-queues.service.js';
import { AuthModule } from '../auth/auth.module.js';
import { EventsModule } from '../events/events.module.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { HeraldGrpcController } from './herald-grpc.controller.js';

/**
 * The gRPC API, served by the same process (createApp connects the transport). The services its
 * handlers call are the REST routes' own; the stateless ones the REST modules keep to themselves are
 * provided here once more rather than exported for this one caller.
 */
@Module({
  // AuthModule for its IngestRateLimiter: REST and gRPC share one count per key; MetricsModule for
  // the accepted-events counter.
  imports: [AuthModule, EventsModule, MetricsModule],
  controllers: [HeraldGrpcController],
  providers: [NotificationsService, AdminQueuesService],
})
export class GrpcModule {}
