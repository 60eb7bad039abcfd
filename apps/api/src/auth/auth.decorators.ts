import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ApiKeyRecord } from '@herald/data';
import type { Request } from 'express';
import type { ApiScope } from './api-scope.enum.js';

/** A route any caller may use without a key (health probes). */
export const Public = Reflector.createDecorator<boolean>({ transform: () => true });

/** The scope a route needs; a route without one needs `admin`, so forgetting it fails closed. */
export const RequireScope = Reflector.createDecorator<ApiScope>();

export interface AuthenticatedRequest extends Request {
  apiKey?: ApiKeyRecord;
}

/** The API key the guard accepted for this request. */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): ApiKeyRecord => {
  const apiKey = context.switchToHttp().getRequest<AuthenticatedRequest>().apiKey;
  // The guard runs before every handler; reaching this without a key is a wiring bug, not a 401.
  if (!apiKey) throw new Error('@Caller() used on a route the API key guard did not authenticate');
  return apiKey;
});
