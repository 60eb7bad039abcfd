import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { AdminStatusView } from '@herald/contracts';
import { ApiScope } from '../auth/api-scope.enum.js';
import { RequireScope } from '../auth/auth.decorators.js';
import { ApiErrors } from '../openapi/api-docs.decorators.js';
import { viewRef } from '../openapi/view-schemas.js';
import { AdminQueuesService } from './admin-queues.service.js';

const STATUS_AFTER_CHANGE = {
  description: 'The status after the change',
  schema: viewRef('AdminStatusView'),
};

/** The kill switch: every answer is the status after the change. */
@ApiTags('admin')
@Controller('v1/admin')
@RequireScope(ApiScope.Admin)
export class AdminPauseController {
  constructor(private readonly queues: AdminQueuesService) {}

  @Post('pause')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse(STATUS_AFTER_CHANGE)
  @ApiOperation({
    summary: 'Hold every delivery queue',
    description:
      'Persisted, so restarts stay paused. Events are still accepted and routed; deliveries wait as `pending`.',
  })
  pause(): Promise<AdminStatusView> {
    return this.queues.pauseAll();
  }

  @Post('resume')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse(STATUS_AFTER_CHANGE)
  @ApiOperation({ summary: 'Release the delivery queues', description: "A channel's own pause stays on." })
  resume(): Promise<AdminStatusView> {
    return this.queues.resumeAll();
  }

  @Post('channels/:channel/pause')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse(STATUS_AFTER_CHANGE)
  @ApiOperation({ summary: "Hold one channel's delivery queue" })
  @ApiParam({ name: 'channel', description: 'A channel name, e.g. `email`' })
  @ApiErrors(404)
  pauseChannel(@Param('channel') channel: string): Promise<AdminStatusView> {
    return this.queues.pauseChannel(channel);
  }

  @Post('channels/:channel/resume')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse(STATUS_AFTER_CHANGE)
  @ApiOperation({ summary: "Release one channel's delivery queue" })
  @ApiParam({ name: 'channel', description: 'A channel name, e.g. `email`' })
  @ApiErrors(404)
  resumeChannel(@Param('channel') channel: string): Promise<AdminStatusView> {
    return this.queues.resumeChannel(channel);
  }
}
