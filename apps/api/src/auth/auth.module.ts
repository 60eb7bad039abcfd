import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyGuard } from './api-key.guard.js';
import { BootstrapAdminKeyService } from './bootstrap-admin-key.service.js';

@Module({
  providers: [{ provide: APP_GUARD, useClass: ApiKeyGuard }, BootstrapAdminKeyService],
})
export class AuthModule {}
