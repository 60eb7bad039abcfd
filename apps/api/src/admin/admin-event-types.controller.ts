import { Body, Controller, Param, Put } from '@nestjs/common';
import { EventTypeParamsDto, type EventTypeView, SetEventTypeMethodsDto } from '@herald/contracts';
import { ApiScope } from '../auth/api-scope.enum.js';
import { RequireScope } from '../auth/auth.decorators.js';
import { EventTypesService } from '../event-types/event-types.service.js';

@Controller('v1/admin/event-types')
export class AdminEventTypesController {
  constructor(private readonly eventTypes: EventTypesService) {}

  @Put(':name/methods')
  @RequireScope(ApiScope.Admin)
  setMethods(
    @Param() params: EventTypeParamsDto,
    @Body() body: SetEventTypeMethodsDto,
  ): Promise<EventTypeView> {
    return this.eventTypes.setMethods(params.name, body.methods);
  }
}
