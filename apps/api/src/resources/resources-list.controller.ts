import { Controller, Get, Query } from '@nestjs/common';
import type { ListResponse, ResourceView } from '@herald/contracts';
import { ApiScope } from '../auth/api-scope.enum.js';
import { RequireScope } from '../auth/auth.decorators.js';
import { PageQuery } from '../paging/page.query.js';
import { ResourcesService } from './resources.service.js';

@Controller('v1/resources')
export class ResourcesListController {
  constructor(private readonly resources: ResourcesService) {}

  @Get()
  @RequireScope(ApiScope.Read)
  list(@Query() page: PageQuery): Promise<ListResponse<ResourceView>> {
    return this.resources.list(page);
  }
}
