import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ErrorCode } from '@herald/contracts';
import type { Response } from 'express';
import { ApiEnv } from '../config/api-env.js';
import { ApiError } from '../errors/api-error.js';
import type { AuthenticatedRequest } from './auth.decorators.js';
import { IngestRateLimiter } from './ingest-rate-limiter.js';
import { rateLimitHeaders } from './rate-limit-window.js';

/**
 * Every route that stores a notification, as `<method> <route pattern>`. Listed here, beside the
 * limit, rather than marked on each route, so one look tells what an API key's limit covers.
 */
export const INGEST_ROUTES: ReadonlySet<string> = new Set([
  'POST /v1/events',
  'POST /v1/notifiers/:name/test',
]);

/**
 * Global guard, after the API-key guard (it limits the key that guard accepted): each key may send
 * its `rateLimitPerMinute`, else `HERALD_INGEST_RATE_LIMIT_PER_MINUTE`, ingest requests a minute.
 * Past that, `429` with `Retry-After`; every answer of a limited route carries `RateLimit-*` headers.
 */
@Injectable()
export class IngestRateLimitGuard implements CanActivate {
  constructor(
    private readonly env: ApiEnv,
    private readonly limiter: IngestRateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // gRPC calls pass global guards too; their first argument is the message, not a request.
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const apiKey = request.apiKey;
    if (!apiKey || !INGEST_ROUTES.has(routeOf(request))) return true;
    const limit = apiKey.rateLimitPerMinute ?? this.env.ingestRateLimitPerMinute;
    if (limit === 0) return true;

    const response = context.switchToHttp().getResponse<Response>();
    const decision = await this.limiter.take(apiKey.id, limit);
    if (!decision) {
      // Redis could not count this request: it goes through, and nothing is claimed about what remains.
      response.setHeader('RateLimit-Limit', String(limit));
      return true;
    }
    response.set(rateLimitHeaders(decision));
    if (!decision.allowed) {
      throw new ApiError(
        ErrorCode.RateLimited,
        `This API key may send ${limit} requests a minute; retry in ${decision.resetSeconds} s`,
      );
    }
    return true;
  }
}

function routeOf(request: AuthenticatedRequest): string {
  // The matched pattern (`/v1/notifiers/:name/test`), not the URL: Express sets it before guards run.
  const pattern: unknown = (request.route as { path?: unknown } | undefined)?.path;
  return `${request.method} ${typeof pattern === 'string' ? pattern : ''}`;
}
