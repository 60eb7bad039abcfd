import { Module } from '@nestjs/common';
import { DeliveryControlService } from './delivery-control.service.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';

@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, DeliveryControlService],
})
export class NotificationsModule {}
