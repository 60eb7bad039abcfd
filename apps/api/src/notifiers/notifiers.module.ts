import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { NotifiersController } from './notifiers.controller.js';
import { NotifiersService } from './notifiers.service.js';

@Module({ imports: [EventsModule], controllers: [NotifiersController], providers: [NotifiersService] })
export class NotifiersModule {}
