import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type ListResponse, type PreferenceItemView, PutPreferenceDto } from '@herald/contracts';
import { ApiScope } from '../auth/api-scope.enum.js';
import { RequireScope } from '../auth/auth.decorators.js';
import { ApiErrors, ApiJsonBody, ApiParamsFrom } from '../openapi/api-docs.decorators.js';
import { viewRef } from '../openapi/view-schemas.js';
import { UserParamsDto } from '../users/user-params.dto.js';
import { PreferencesService } from './preferences.service.js';

@ApiTags('preferences')
@ApiParamsFrom(UserParamsDto)
@Controller('v1/users/:id/preferences')
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @Get()
  @RequireScope(ApiScope.Read)
  @ApiOperation({ summary: "Every event type with the user's effective state per method" })
  @ApiOkResponse({ schema: viewRef('PreferenceList') })
  @ApiErrors(400, 404)
  list(@Param() params: UserParamsDto): Promise<ListResponse<PreferenceItemView>> {
    return this.preferences.list(params.id);
  }

  @Put()
  @RequireScope(ApiScope.Admin)
  @ApiOperation({
    summary: 'Opt in or out of an event type',
    description:
      "On one channel, or every channel when `channel` is left out. Answers that event type's item.",
  })
  @ApiJsonBody(PutPreferenceDto)
  @ApiOkResponse({ schema: viewRef('PreferenceItemView') })
  @ApiErrors(404)
  put(@Param() params: UserParamsDto, @Body() choice: PutPreferenceDto): Promise<PreferenceItemView> {
    return this.preferences.put(params.id, choice);
  }
}
