import { Module } from '@nestjs/common';
import { HookSourcesController } from './hook-sources.controller.js';
import { HookSourcesService } from './hook-sources.service.js';

@Module({ controllers: [HookSourcesController], providers: [HookSourcesService] })
export class HookSourcesModule {}
