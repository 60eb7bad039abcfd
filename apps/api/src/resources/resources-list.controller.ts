import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ListResponse, ResourceView } from '@herald/contracts';
import { ApiScope } from '../auth/api-scope.enum.js';
import { RequireScope } from '../auth/auth.decorators.js';
import { ApiErrors, ApiQueryFrom } from '../openapi/api-docs.decorators.js';
import { viewRef } from '../openapi/view-schemas.js';
import { PageQuery } from '../paging/page.query.js';
import { ResourcesService } from './resources.service.js';

@ApiTags('resources')
@Controller('v1/resources')
export class ResourcesListController {
  constructor(private readonly resources: ResourcesService) {}

  @Get()
  @RequireScope(ApiScope.Read)
  @ApiOperation({ summary: 'List resources' })
  @ApiQueryFrom(PageQuery)
  @ApiOkResponse({ schema: viewRef('ResourceList') })
  @ApiErrors(400)
  list(@Query() page: PageQuery): Promise<ListResponse<ResourceView>> {
    return this.resources.list(page);
  }
}
