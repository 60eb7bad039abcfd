import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  ListResponse,
  NotificationSummaryView,
  NotificationView,
  RetriedNotificationView,
} from '@herald/contracts';
import { ApiScope } from '../auth/api-scope.enum.js';
import { RequireScope } from '../auth/auth.decorators.js';
import { ApiErrors, ApiQueryFrom } from '../openapi/api-docs.decorators.js';
import { viewRef } from '../openapi/view-schemas.js';
import { DeliveryControlService } from './delivery-control.service.js';
import { ListNotificationsQuery } from './list-notifications.query.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@Controller('v1/notifications')
@RequireScope(ApiScope.Read)
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly control: DeliveryControlService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List notifications, newest first',
    description: 'Cursor paging: `limit` 1-100 (50).',
  })
  @ApiQueryFrom(ListNotificationsQuery)
  @ApiOkResponse({ schema: viewRef('NotificationList') })
  @ApiErrors(400)
  list(@Query() query: ListNotificationsQuery): Promise<ListResponse<NotificationSummaryView>> {
    return this.notifications.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A notification with its deliveries, attempts and skip reasons' })
  @ApiOkResponse({ schema: viewRef('NotificationView') })
  @ApiErrors(404)
  get(@Param('id') id: string): Promise<NotificationView> {
    return this.notifications.get(id);
  }

  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  @RequireScope(ApiScope.Admin)
  @ApiOperation({
    summary: 'Cancel the deliveries not sent yet',
    description: 'Answers the notification after the change.',
  })
  @ApiOkResponse({ schema: viewRef('NotificationView') })
  @ApiErrors(404)
  cancel(@Param('id') id: string): Promise<NotificationView> {
    return this.control.cancel(id);
  }

  @Post(':id/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  @RequireScope(ApiScope.Admin)
  @ApiOperation({ summary: 'Send the failed deliveries again, with a fresh budget of tries' })
  @ApiAcceptedResponse({ schema: viewRef('RetriedNotificationView') })
  @ApiErrors(404)
  retry(@Param('id') id: string): Promise<RetriedNotificationView> {
    return this.control.retry(id);
  }
}
