import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { ApiErrors, ApiJsonBody, ApiParamsFrom } from '../openapi/api-docs.decorators.js';
import { viewRef } from '../openapi/view-schemas.js';
import { EventTypePreviewService } from './event-type-preview.service.js';
import { EventTypesService } from './event-types.service.js';

@ApiTags('event-types')
@Controller('v1/event-types')
export class EventTypesController {
  constructor(
    private readonly eventTypes: EventTypesService,
    private readonly previews: EventTypePreviewService,
  ) {}

  @Get()
  @RequireScope(ApiScope.Read)
  @ApiOperation({ summary: 'List event types, by name' })
  @ApiOkResponse({ schema: viewRef('EventTypeList') })
  list(): Promise<ListResponse<EventTypeView>> {
    return this.eventTypes.list();
  }

  @Get(':name')
  @RequireScope(ApiScope.Read)
  @ApiOperation({ summary: 'An event type' })
  @ApiParamsFrom(EventTypeParamsDto)
  @ApiOkResponse({ schema: viewRef('EventTypeView') })
  @ApiErrors(400, 404)
  get(@Param() params: EventTypeParamsDto): Promise<EventTypeView> {
    return this.eventTypes.get(params.name);
  }

  @Put(':name')
  @RequireScope(ApiScope.Admin)
  @ApiOperation({
    summary: 'Create or replace an event type',
    description:
      'Templates per channel name or `default`, `defaultMethods`, `enabledByDefault`, `critical`. Every ' +
      'Liquid source must parse, else a 400 with one detail per source. Keeps the admin methods.',
  })
  @ApiParamsFrom(EventTypeParamsDto)
  @ApiJsonBody(PutEventTypeDto)
  @ApiOkResponse({ schema: viewRef('EventTypeView') })
  put(@Param() params: EventTypeParamsDto, @Body() definition: PutEventTypeDto): Promise<EventTypeView> {
    return this.eventTypes.put(params.name, definition);
  }

  @Delete(':name')
  @HttpCode(204)
  @RequireScope(ApiScope.Admin)
  @ApiOperation({ summary: 'Delete an event type' })
  @ApiParamsFrom(EventTypeParamsDto)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(400, 404)
  delete(@Param() params: EventTypeParamsDto): Promise<void> {
    return this.eventTypes.delete(params.name);
  }

  /** Changes nothing, so a `read` key may preview. */
  @Post(':name/preview')
  @HttpCode(200)
  @RequireScope(ApiScope.Read)
  @ApiOperation({
    summary: 'Render an event type with sample data',
    description: 'Strict variables; a channel that fails is left out of `channels` and reported in `errors`.',
  })
  @ApiParamsFrom(EventTypeParamsDto)
  @ApiJsonBody(PreviewEventTypeDto)
  @ApiOkResponse({ schema: viewRef('EventTypePreviewView') })
  @ApiErrors(404)
  preview(
    @Param() params: EventTypeParamsDto,
    @Body() sample: PreviewEventTypeDto,
  ): Promise<EventTypePreviewView> {
    return this.previews.preview(params.name, sample);
  }
}
