import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import { Ctx, GrpcMethod, Payload } from '@nestjs/microservices';
import { ApiExcludeController } from '@nestjs/swagger';
import { type AdminStatusView, CreateEventDto, type NotificationView } from '@herald/contracts';
import type { ApiKeyRecord } from '@herald/data';
import { AdminQueuesService } from '../admin/admin-queues.service.js';
import { ApiScope } from '../auth/api-scope.enum.js';
import { RequireScope } from '../auth/auth.decorators.js';
import { EventsService } from '../events/events.service.js';
import { AcceptedEventsInterceptor } from '../metrics/accepted-events.interceptor.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type {
  GetNotificationRequestMessage,
  SwitchRequestMessage,
  TriggerResponseMessage,
} from './herald-grpc.messages.js';
import { RpcApiKeyGuard } from './rpc-api-key.guard.js';
import { RpcCaller } from './rpc-caller.decorator.js';
import { RpcErrorFilter } from './rpc-exception.filter.js';
import { RpcIngestRateLimitGuard } from './rpc-ingest-rate-limit.guard.js';
import { RpcValidationPipe } from './rpc-validation.pipe.js';
import { TriggerRequestPipe } from './trigger-request.pipe.js';

/** `herald.v1.Herald`: each method is one call into the service its REST route calls. */
@Controller()
// No HTTP routes: nothing for the OpenAPI document, which would otherwise read its parameter types.
@ApiExcludeController()
@UseGuards(RpcApiKeyGuard)
@UseFilters(RpcErrorFilter)
export class HeraldGrpcController {
  constructor(
    private readonly events: EventsService,
    private readonly notifications: NotificationsService,
    private readonly queues: AdminQueuesService,
  ) {}

  @GrpcMethod('Herald', 'Trigger')
  @RequireScope(ApiScope.EventsWrite)
  // After the class's RpcApiKeyGuard, which it needs: it counts the key that guard accepted.
  @UseGuards(RpcIngestRateLimitGuard)
  // Global interceptors do not reach the gRPC server: counted and logged as REST events are.
  @UseInterceptors(AcceptedEventsInterceptor)
  async trigger(
    @Payload(TriggerRequestPipe, RpcValidationPipe) event: CreateEventDto,
    @RpcCaller() caller: ApiKeyRecord,
    @Ctx() metadata: Metadata,
  ): Promise<TriggerResponseMessage> {
    // The metadata key plays REST's Idempotency-Key header.
    const headerKey = metadata.get('idempotency-key')[0];
    const { view, replayed } = await this.events.accept(
      event,
      caller,
      typeof headerKey === 'string' ? headerKey : undefined,
    );
    return { ...view, replayed };
  }

  @GrpcMethod('Herald', 'GetNotification')
  @RequireScope(ApiScope.Read)
  getNotification(@Payload() request: GetNotificationRequestMessage): Promise<NotificationView> {
    return this.notifications.get(request.id);
  }

  @GrpcMethod('Herald', 'Pause')
  @RequireScope(ApiScope.Admin)
  pause(@Payload() request: SwitchRequestMessage): Promise<AdminStatusView> {
    return request.channel ? this.queues.pauseChannel(request.channel) : this.queues.pauseAll();
  }

  @GrpcMethod('Herald', 'Resume')
  @RequireScope(ApiScope.Admin)
  resume(@Payload() request: SwitchRequestMessage): Promise<AdminStatusView> {
    return request.channel ? this.queues.resumeChannel(request.channel) : this.queues.resumeAll();
  }

  @GrpcMethod('Herald', 'Status')
  @RequireScope(ApiScope.Admin)
  status(): Promise<AdminStatusView> {
    return this.queues.status();
  }
}
