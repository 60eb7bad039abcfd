import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  type AcceptedEventView,
  CreateNotifierDto,
  type ListResponse,
  type NotifierView,
  UpdateNotifierDto,
} from '@herald/contracts';
import { type ApiKeyRecord } from '@herald/data';
import { ApiScope } from '../auth/api-scope.enum.js';
import { Caller, RequireScope } from '../auth/auth.decorators.js';
import { ApiErrors, ApiJsonBody } from '../openapi/api-docs.decorators.js';
import { viewRef } from '../openapi/view-schemas.js';
import { NotifiersService } from './notifiers.service.js';

@ApiTags('notifiers')
@Controller('v1/notifiers')
export class NotifiersController {
  constructor(private readonly notifiers: NotifiersService) {}

  @Post()
  @RequireScope(ApiScope.Admin)
  @ApiOperation({
    summary: 'Create a notifier',
    description:
      "`config` is validated against the channel's config schema (see `CreateNotifierDto`); secrets are " +
      "encrypted at rest. `default: true` makes it the channel's notifier for users, taking that over.",
  })
  @ApiJsonBody(CreateNotifierDto)
  @ApiCreatedResponse({ schema: viewRef('NotifierView') })
  @ApiErrors(409)
  create(@Body() notifier: CreateNotifierDto): Promise<NotifierView> {
    return this.notifiers.create(notifier);
  }

  @Get()
  @RequireScope(ApiScope.Read)
  @ApiOperation({ summary: 'List notifiers', description: 'Secret config fields read `$encrypted$`.' })
  @ApiOkResponse({ schema: viewRef('NotifierList') })
  list(): Promise<ListResponse<NotifierView>> {
    return this.notifiers.list();
  }

  @Get(':name')
  @RequireScope(ApiScope.Read)
  @ApiOperation({ summary: 'A notifier', description: 'Secret config fields read `$encrypted$`.' })
  @ApiOkResponse({ schema: viewRef('NotifierView') })
  @ApiErrors(404)
  get(@Param('name') name: string): Promise<NotifierView> {
    return this.notifiers.get(name);
  }

  @Patch(':name')
  @RequireScope(ApiScope.Admin)
  @ApiOperation({
    summary: 'Change a notifier',
    description:
      '`config` and `messages` are merged key by key, then validated whole; `$encrypted$` keeps a stored secret.',
  })
  @ApiJsonBody(UpdateNotifierDto)
  @ApiOkResponse({ schema: viewRef('NotifierView') })
  @ApiErrors(404, 409)
  update(@Param('name') name: string, @Body() changes: UpdateNotifierDto): Promise<NotifierView> {
    return this.notifiers.update(name, changes);
  }

  @Delete(':name')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequireScope(ApiScope.Admin)
  @ApiOperation({
    summary: 'Delete a notifier',
    description: 'Deliveries keep their history; its attachments go.',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(404)
  delete(@Param('name') name: string): Promise<void> {
    return this.notifiers.delete(name);
  }

  @Post(':name/test')
  @HttpCode(HttpStatus.ACCEPTED)
  @RequireScope(ApiScope.Admin)
  @ApiOperation({
    summary: 'Send a test message through a notifier',
    description: 'Followed like any notification.',
  })
  @ApiAcceptedResponse({ schema: viewRef('AcceptedEventView') })
  @ApiErrors(404)
  test(@Param('name') name: string, @Caller() caller: ApiKeyRecord): Promise<AcceptedEventView> {
    return this.notifiers.sendTest(name, caller);
  }
}
