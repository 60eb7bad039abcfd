import { Module } from '@nestjs/common';
import { EventTypePreviewService } from './event-type-preview.service.js';
import { EventTypesController } from './event-types.controller.js';
import { EventTypesService } from './event-types.service.js';

@Module({
  controllers: [EventTypesController],
  providers: [EventTypesService, EventTypePreviewService],
  exports: [EventTypesService],
})
export class EventTypesModule {}
