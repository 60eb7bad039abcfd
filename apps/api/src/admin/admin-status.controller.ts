import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AdminStatusView } from '@herald/contracts';
import { ApiScope } from '../auth/api-scope.enum.js';
import { RequireScope } from '../auth/auth.decorators.js';
import { viewRef } from '../openapi/view-schemas.js';
import { AdminQueuesService } from './admin-queues.service.js';

@ApiTags('admin')
@Controller('v1/admin/status')
@RequireScope(ApiScope.Admin)
export class AdminStatusController {
  constructor(private readonly queues: AdminQueuesService) {}

  @Get()
  @ApiOperation({ summary: 'The pause switches and the depth of every queue' })
  @ApiOkResponse({ schema: viewRef('AdminStatusView') })
  status(): Promise<AdminStatusView> {
    return this.queues.status();
  }
}
