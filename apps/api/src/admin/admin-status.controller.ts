import { Controller, Get } from '@nestjs/common';
import type { AdminStatusView } from '@herald/contracts';
import { ApiScope } from '../auth/api-scope.enum.js';
import { RequireScope } from '../auth/auth.decorators.js';
import { AdminQueuesService } from './admin-queues.service.js';

@Controller('v1/admin/status')
@RequireScope(ApiScope.Admin)
export class AdminStatusController {
  constructor(private readonly queues: AdminQueuesService) {}

  @Get()
  status(): Promise<AdminStatusView> {
    return this.queues.status();
  }
}
