import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { HookSourcesModule } from '../hook-sources/hook-sources.module.js';
import { HooksController } from './hooks.controller.js';
import { HooksService } from './hooks.service.js';

// The admin side (hook sources) comes along, so the app imports one module for hooks.
@Module({
  imports: [EventsModule, HookSourcesModule],
  controllers: [HooksController],
  providers: [HooksService],
})
export class HooksModule {}
