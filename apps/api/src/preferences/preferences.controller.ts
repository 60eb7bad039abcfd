import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { type ListResponse, type PreferenceItemView, PutPreferenceDto } from '@herald/contracts';
import { ApiScope } from '../auth/api-scope.enum.js';
import { RequireScope } from '../auth/auth.decorators.js';
import { UserParamsDto } from '../users/user-params.dto.js';
import { PreferencesService } from './preferences.service.js';

@Controller('v1/users/:id/preferences')
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @Get()
  @RequireScope(ApiScope.Read)
  list(@Param() params: UserParamsDto): Promise<ListResponse<PreferenceItemView>> {
    return this.preferences.list(params.id);
  }

  @Put()
  @RequireScope(ApiScope.Admin)
  put(@Param() params: UserParamsDto, @Body() choice: PutPreferenceDto): Promise<PreferenceItemView> {
    return this.preferences.put(params.id, choice);
  }
}
