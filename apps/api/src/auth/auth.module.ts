import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyGuard } from './api-key.guard.js';
import { BootstrapAdminKeyService } from './bootstrap-admin-key.service.js';
import { IngestRateLimitGuard } from './ingest-rate-limit.guard.js';
import { IngestRateLimiter } from './ingest-rate-limiter.js';

@Module({
  providers: [
    // Global guards run in this order: the rate limit counts the key the first one accepted.
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_GUARD, useClass: IngestRateLimitGuard },
    IngestRateLimiter,
    BootstrapAdminKeyService,
  ],
  // For other ways in that store notifications without passing the HTTP guards (gRPC's Trigger).
  exports: [IngestRateLimiter],
})
export class AuthModule {}
