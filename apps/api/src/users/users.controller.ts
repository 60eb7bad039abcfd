import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PutUserDto, type UserView } from '@herald/contracts';
import { ApiScope } from '../auth/api-scope.enum.js';
import { RequireScope } from '../auth/auth.decorators.js';
import { ApiErrors, ApiJsonBody, ApiParamsFrom } from '../openapi/api-docs.decorators.js';
import { viewRef } from '../openapi/view-schemas.js';
import { UserParamsDto } from './user-params.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiParamsFrom(UserParamsDto)
@Controller('v1/users/:id')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Put()
  @RequireScope(ApiScope.Admin)
  @ApiOperation({ summary: 'Create or replace a user profile and its addresses' })
  @ApiJsonBody(PutUserDto)
  @ApiOkResponse({ schema: viewRef('UserView') })
  put(@Param() params: UserParamsDto, @Body() user: PutUserDto): Promise<UserView> {
    return this.users.put(params.id, user);
  }

  @Get()
  @RequireScope(ApiScope.Read)
  @ApiOperation({ summary: 'A user profile' })
  @ApiOkResponse({ schema: viewRef('UserView') })
  @ApiErrors(400, 404)
  get(@Param() params: UserParamsDto): Promise<UserView> {
    return this.users.get(params.id);
  }

  @Delete()
  @HttpCode(204)
  @RequireScope(ApiScope.Admin)
  @ApiOperation({ summary: 'Delete a user', description: "The user's preferences go too." })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(400, 404)
  delete(@Param() params: UserParamsDto): Promise<void> {
    return this.users.delete(params.id);
  }
}
