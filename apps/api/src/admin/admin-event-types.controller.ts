import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EventTypeParamsDto, type EventTypeView, SetEventTypeMethodsDto } from '@herald/contracts';
import { ApiScope } from '../auth/api-scope.enum.js';
import { RequireScope } from '../auth/auth.decorators.js';
import { ApiErrors, ApiJsonBody, ApiParamsFrom } from '../openapi/api-docs.decorators.js';
import { viewRef } from '../openapi/view-schemas.js';
import { EventTypesService } from '../event-types/event-types.service.js';

@ApiTags('admin')
@Controller('v1/admin/event-types')
export class AdminEventTypesController {
  constructor(private readonly eventTypes: EventTypesService) {}

  @Put(':name/methods')
  @RequireScope(ApiScope.Admin)
  @ApiOperation({
    summary: 'Choose the channels an event type is sent by',
    description: 'Whatever its `defaultMethods`; `{"methods": null}` gives the choice back.',
  })
  @ApiParamsFrom(EventTypeParamsDto)
  @ApiJsonBody(SetEventTypeMethodsDto)
  @ApiOkResponse({ schema: viewRef('EventTypeView') })
  @ApiErrors(404)
  setMethods(
    @Param() params: EventTypeParamsDto,
    @Body() body: SetEventTypeMethodsDto,
  ): Promise<EventTypeView> {
    return this.eventTypes.setMethods(params.name, body.methods);
  }
}
