import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import type { InboxPageView, InboxReadAllView } from '@herald/contracts';
import type { Response } from 'express';
import { ApiScope } from '../auth/api-scope.enum.js';
import { RequireScope } from '../auth/auth.decorators.js';
import { UserParamsDto } from '../users/user-params.dto.js';
import { InboxItemParamsDto } from './inbox-item-params.dto.js';
import { InboxService } from './inbox.service.js';
import { ListInboxQuery } from './list-inbox.query.js';

/** A user's in-app inbox: reading needs `read`; marking read changes state, so it needs `admin`. */
@Controller('v1/users/:id/inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @RequireScope(ApiScope.Read)
  list(@Param() params: UserParamsDto, @Query() query: ListInboxQuery): Promise<InboxPageView> {
    return this.inbox.list(params.id, query);
  }

  /** Server-Sent Events: `event: inbox`, `id: <item id>`, `data: <item JSON>` per new item. */
  @Get('stream')
  @RequireScope(ApiScope.Read)
  stream(@Param() params: UserParamsDto, @Res() response: Response): Promise<void> {
    return this.inbox.stream(params.id, response);
  }

  @Post('read-all')
  @HttpCode(HttpStatus.OK)
  @RequireScope(ApiScope.Admin)
  markAllRead(@Param() params: UserParamsDto): Promise<InboxReadAllView> {
    return this.inbox.markAllRead(params.id);
  }

  @Post(':itemId/read')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequireScope(ApiScope.Admin)
  markRead(@Param() params: InboxItemParamsDto): Promise<void> {
    return this.inbox.markRead(params.id, params.itemId);
  }
}
