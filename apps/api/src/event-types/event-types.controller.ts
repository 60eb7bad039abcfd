import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  EventTypeParamsDto,
  type EventTypePreviewView,
  type EventTypeView,
  type ListResponse,
  PreviewEventTypeDto,
  PutEventTypeDto,
} from '@herald/contracts';
import { ApiScope } from '../auth/api-scope.enum.js';
import { RequireScope } from '../auth/auth.decorators.js';
import { EventTypePreviewService } from './event-type-preview.service.js';
import { EventTypesService } from './event-types.service.js';

@Controller('v1/event-types')
export class EventTypesController {
  constructor(
    private readonly eventTypes: EventTypesService,
    private readonly previews: EventTypePreviewService,
  ) {}

  @Get()
  @RequireScope(ApiScope.Read)
  list(): Promise<ListResponse<EventTypeView>> {
    return this.eventTypes.list();
  }

  @Get(':name')
  @RequireScope(ApiScope.Read)
  get(@Param() params: EventTypeParamsDto): Promise<EventTypeView> {
    return this.eventTypes.get(params.name);
  }

  @Put(':name')
  @RequireScope(ApiScope.Admin)
  put(@Param() params: EventTypeParamsDto, @Body() definition: PutEventTypeDto): Promise<EventTypeView> {
    return this.eventTypes.put(params.name, definition);
  }

  @Delete(':name')
  @HttpCode(204)
  @RequireScope(ApiScope.Admin)
  delete(@Param() params: EventTypeParamsDto): Promise<void> {
    return this.eventTypes.delete(params.name);
  }

  /** Changes nothing, so a `read` key may preview. */
  @Post(':name/preview')
  @HttpCode(200)
  @RequireScope(ApiScope.Read)
  preview(
    @Param() params: EventTypeParamsDto,
    @Body() sample: PreviewEventTypeDto,
  ): Promise<EventTypePreviewView> {
    return this.previews.preview(params.name, sample);
  }
}
