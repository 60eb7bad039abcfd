import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import type { InboxPageView, InboxReadAllView } from '@herald/contracts';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiScope } from '../auth/api-scope.enum.js';
import { RequireScope } from '../auth/auth.decorators.js';
import { ApiErrors, ApiParamsFrom, ApiQueryFrom } from '../openapi/api-docs.decorators.js';
import { viewRef } from '../openapi/view-schemas.js';
import { UserParamsDto } from '../users/user-params.dto.js';
import { InboxItemParamsDto } from './inbox-item-params.dto.js';
import { InboxService } from './inbox.service.js';
import { ListInboxQuery } from './list-inbox.query.js';

/** A user's in-app inbox: reading needs `read`; marking read changes state, so it needs `admin`. */
@ApiTags('inbox')
@Controller('v1/users/:id/inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @RequireScope(ApiScope.Read)
  @ApiOperation({ summary: "A page of the user's in-app inbox, newest first, with the unread count" })
  @ApiParamsFrom(UserParamsDto)
  @ApiQueryFrom(ListInboxQuery)
  @ApiOkResponse({ schema: viewRef('InboxPageView') })
  @ApiErrors(400, 404)
  list(@Param() params: UserParamsDto, @Query() query: ListInboxQuery): Promise<InboxPageView> {
    return this.inbox.list(params.id, query);
  }

  /** Server-Sent Events: `event: inbox`, `id: <item id>`, `data: <item JSON>` per new item. */
  @Get('stream')
  @RequireScope(ApiScope.Read)
  @ApiOperation({
    summary: 'New inbox items, live (Server-Sent Events)',
    description: 'One `event: inbox`, `id: <item id>`, `data: <InboxItemView JSON>` per new item.',
  })
  @ApiParamsFrom(UserParamsDto)
  @ApiOkResponse({
    description: 'An event stream that stays open',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiErrors(400, 404, 503)
  stream(@Param() params: UserParamsDto, @Res() response: Response): Promise<void> {
    return this.inbox.stream(params.id, response);
  }

  @Post('read-all')
  @HttpCode(HttpStatus.OK)
  @RequireScope(ApiScope.Admin)
  @ApiOperation({ summary: "Mark every unread item of the user's inbox read" })
  @ApiParamsFrom(UserParamsDto)
  @ApiOkResponse({ schema: viewRef('InboxReadAllView') })
  @ApiErrors(400, 404)
  markAllRead(@Param() params: UserParamsDto): Promise<InboxReadAllView> {
    return this.inbox.markAllRead(params.id);
  }

  @Post(':itemId/read')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequireScope(ApiScope.Admin)
  @ApiOperation({ summary: 'Mark one inbox item read' })
  @ApiParamsFrom(InboxItemParamsDto)
  @ApiNoContentResponse({ description: 'Marked read' })
  @ApiErrors(400, 404)
  markRead(@Param() params: InboxItemParamsDto): Promise<void> {
    return this.inbox.markRead(params.id, params.itemId);
  }
}
