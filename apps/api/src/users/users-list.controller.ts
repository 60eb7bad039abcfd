import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ListResponse, UserView } from '@herald/contracts';
import { ApiScope } from '../auth/api-scope.enum.js';
import { RequireScope } from '../auth/auth.decorators.js';
import { ApiErrors, ApiQueryFrom } from '../openapi/api-docs.decorators.js';
import { viewRef } from '../openapi/view-schemas.js';
import { PageQuery } from '../paging/page.query.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('v1/users')
export class UsersListController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequireScope(ApiScope.Read)
  @ApiOperation({ summary: 'List users' })
  @ApiQueryFrom(PageQuery)
  @ApiOkResponse({ schema: viewRef('UserList') })
  @ApiErrors(400)
  list(@Query() page: PageQuery): Promise<ListResponse<UserView>> {
    return this.users.list(page);
  }
}
