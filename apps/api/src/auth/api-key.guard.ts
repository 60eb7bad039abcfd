import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@herald/contracts';
import { HeraldData } from '@herald/data';
import { ApiError } from '../errors/api-error.js';
import { ApiScope } from './api-scope.enum.js';
import { hashApiKey, hasScope, parseApiKeyCredentials, unauthorized } from './api-key-credentials.js';
import { type AuthenticatedRequest, Public, RequireScope } from './auth.decorators.js';

/** Global guard: every route needs an active API key with the route's scope unless marked @Public(). */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly data: HeraldData,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride(Public, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const credentials = parseApiKeyCredentials(request.headers);
    const apiKey = await this.data.apiKeys.findActiveByHash(hashApiKey(credentials.key));
    // One message for "no such key" and "wrong app id": the answer must not help guess either.
    if (!apiKey || (credentials.appId !== null && credentials.appId !== apiKey.name)) {
      throw unauthorized('The API key is not valid');
    }
    const required = this.reflector.getAllAndOverride(RequireScope, targets) ?? ApiScope.Admin;
    if (!hasScope(apiKey.scopes, required)) {
      throw new ApiError(ErrorCode.Forbidden, `This API key lacks the "${required}" scope`);
    }
    request.apiKey = apiKey;
    return true;
  }
}
