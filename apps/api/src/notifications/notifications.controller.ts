import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import type {
  ListResponse,
  NotificationSummaryView,
  NotificationView,
  RetriedNotificationView,
} from '@herald/contracts';
import { ApiScope } from '../auth/api-scope.enum.js';
import { RequireScope } from '../auth/auth.decorators.js';
import { DeliveryControlService } from './delivery-control.service.js';
import { ListNotificationsQuery } from './list-notifications.query.js';
import { NotificationsService } from './notifications.service.js';

@Controller('v1/notifications')
@RequireScope(ApiScope.Read)
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly control: DeliveryControlService,
  ) {}

  @Get()
  list(@Query() query: ListNotificationsQuery): Promise<ListResponse<NotificationSummaryView>> {
    return this.notifications.list(query);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<NotificationView> {
    return this.notifications.get(id);
  }

  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  @RequireScope(ApiScope.Admin)
  cancel(@Param('id') id: string): Promise<NotificationView> {
    return this.control.cancel(id);
  }

  @Post(':id/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  @RequireScope(ApiScope.Admin)
  retry(@Param('id') id: string): Promise<RetriedNotificationView> {
    return this.control.retry(id);
  }
}
