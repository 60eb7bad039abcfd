import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ErrorCode } from '@herald/contracts';
import { IngestRateLimiter } from '../auth/ingest-rate-limiter.js';
import { ApiEnv } from '../config/api-env.js';
import { ApiError } from '../errors/api-error.js';
import { rpcCallerOf } from './rpc-caller.decorator.js';

/**
 * IngestRateLimitGuard for the gRPC calls that store notifications (Trigger): the same per-key
 * count, shared with REST's ingest routes, so a key cannot double its budget by using both.
 * Past the limit: RESOURCE_EXHAUSTED (`rate_limited`), the wait in the message.
 */
@Injectable()
export class RpcIngestRateLimitGuard implements CanActivate {
  constructor(
    private readonly env: ApiEnv,
    private readonly limiter: IngestRateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const apiKey = rpcCallerOf(context);
    const limit = apiKey.rateLimitPerMinute ?? this.env.ingestRateLimitPerMinute;
    if (limit === 0) return true;
    // Null: Redis could not count it, and an event is still accepted then (as over REST).
    const decision = await this.limiter.take(apiKey.id, limit);
    if (decision && !decision.allowed) {
      throw new ApiError(
        ErrorCode.RateLimited,
        `This API key may send ${limit} requests a minute; retry in ${decision.resetSeconds} s`,
      );
    }
    return true;
  }
}
