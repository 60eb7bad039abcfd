import { Module } from '@nestjs/common';
import { EventTypesModule } from '../event-types/event-types.module.js';
import { AdminEventTypesController } from './admin-event-types.controller.js';
import { AdminPauseController } from './admin-pause.controller.js';
import { AdminQueuesService } from './admin-queues.service.js';
import { AdminStatusController } from './admin-status.controller.js';

/** `/v1/admin/...`: what only an operator decides. */
@Module({
  imports: [EventTypesModule],
  controllers: [AdminEventTypesController, AdminPauseController, AdminStatusController],
  providers: [AdminQueuesService],
})
export class AdminModule {}
