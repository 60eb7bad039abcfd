import { Module } from '@nestjs/common';
import { InboxLiveService } from './inbox-live.service.js';
import { InboxController } from './inbox.controller.js';
import { InboxService } from './inbox.service.js';

@Module({ controllers: [InboxController], providers: [InboxService, InboxLiveService] })
export class InboxModule {}
