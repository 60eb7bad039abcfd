import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
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
import { NotifiersService } from './notifiers.service.js';

@Controller('v1/notifiers')
export class NotifiersController {
  constructor(private readonly notifiers: NotifiersService) {}

  @Post()
  @RequireScope(ApiScope.Admin)
  create(@Body() notifier: CreateNotifierDto): Promise<NotifierView> {
    return this.notifiers.create(notifier);
  }

  @Get()
  @RequireScope(ApiScope.Read)
  list(): Promise<ListResponse<NotifierView>> {
    return this.notifiers.list();
  }

  @Get(':name')
  @RequireScope(ApiScope.Read)
  get(@Param('name') name: string): Promise<NotifierView> {
    return this.notifiers.get(name);
  }

  @Patch(':name')
  @RequireScope(ApiScope.Admin)
  update(@Param('name') name: string, @Body() changes: UpdateNotifierDto): Promise<NotifierView> {
    return this.notifiers.update(name, changes);
  }

  @Delete(':name')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequireScope(ApiScope.Admin)
  delete(@Param('name') name: string): Promise<void> {
    return this.notifiers.delete(name);
  }

  @Post(':name/test')
  @HttpCode(HttpStatus.ACCEPTED)
  @RequireScope(ApiScope.Admin)
  test(@Param('name') name: string, @Caller() caller: ApiKeyRecord): Promise<AcceptedEventView> {
    return this.notifiers.sendTest(name, caller);
  }
}
