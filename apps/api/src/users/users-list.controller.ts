import { Controller, Get, Query } from '@nestjs/common';
import type { ListResponse, UserView } from '@herald/contracts';
import { ApiScope } from '../auth/api-scope.enum.js';
import { RequireScope } from '../auth/auth.decorators.js';
import { PageQuery } from '../paging/page.query.js';
import { UsersService } from './users.service.js';

@Controller('v1/users')
export class UsersListController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequireScope(ApiScope.Read)
  list(@Query() page: PageQuery): Promise<ListResponse<UserView>> {
    return this.users.list(page);
  }
}
