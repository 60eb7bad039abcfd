import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import type { AdminStatusView } from '@herald/contracts';
import { ApiScope } from '../auth/api-scope.enum.js';
import { RequireScope } from '../auth/auth.decorators.js';
import { AdminQueuesService } from './admin-queues.service.js';

/** The kill switch: every answer is the status after the change. */
@Controller('v1/admin')
@RequireScope(ApiScope.Admin)
export class AdminPauseController {
  constructor(private readonly queues: AdminQueuesService) {}

  @Post('pause')
  @HttpCode(HttpStatus.OK)
  pause(): Promise<AdminStatusView> {
    return this.queues.pauseAll();
  }

  @Post('resume')
  @HttpCode(HttpStatus.OK)
  resume(): Promise<AdminStatusView> {
    return this.queues.resumeAll();
  }

  @Post('channels/:channel/pause')
  @HttpCode(HttpStatus.OK)
  pauseChannel(@Param('channel') channel: string): Promise<AdminStatusView> {
    return this.queues.pauseChannel(channel);
  }

  @Post('channels/:channel/resume')
  @HttpCode(HttpStatus.OK)
  resumeChannel(@Param('channel') channel: string): Promise<AdminStatusView> {
    return this.queues.resumeChannel(channel);
  }
}
