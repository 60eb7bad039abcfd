import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { PutUserDto, type UserView } from '@herald/contracts';
import { ApiScope } from '../auth/api-scope.enum.js';
import { RequireScope } from '../auth/auth.decorators.js';
import { UserParamsDto } from './user-params.dto.js';
import { UsersService } from './users.service.js';

@Controller('v1/users/:id')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Put()
  @RequireScope(ApiScope.Admin)
  put(@Param() params: UserParamsDto, @Body() user: PutUserDto): Promise<UserView> {
    return this.users.put(params.id, user);
  }

  @Get()
  @RequireScope(ApiScope.Read)
  get(@Param() params: UserParamsDto): Promise<UserView> {
    return this.users.get(params.id);
  }

  @Delete()
  @HttpCode(204)
  @RequireScope(ApiScope.Admin)
  delete(@Param() params: UserParamsDto): Promise<void> {
    return this.users.delete(params.id);
  }
}
