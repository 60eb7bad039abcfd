import type { Metadata } from '@grpc/grpc-js';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@herald/contracts';
import { HeraldData } from '@herald/data';
import { hashApiKey, hasScope, parseApiKeyCredentials, unauthorized } from '../auth/api-key-credentials.js';
import { ApiScope } from '../auth/api-scope.enum.js';
import { RequireScope } from '../auth/auth.decorators.js';
import { ApiError } from '../errors/api-error.js';
import { rememberRpcCaller } from './rpc-caller.decorator.js';

/**
 * ApiKeyGuard for gRPC calls (Nest's HTTP guards do not run for them): the same credentials, read
 * from the call's metadata instead of headers, the same key lookup and the same @RequireScope.
 */
@Injectable()
export class RpcApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly data: HeraldData,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const metadata = context.switchToRpc().getContext<Metadata>();
    const credentials = parseApiKeyCredentials(textEntries(metadata));
    const apiKey = await this.data.apiKeys.findActiveByHash(hashApiKey(credentials.key));
    // One message for "no such key" and "wrong app id": the answer must not help guess either.
    if (!apiKey || (credentials.appId !== null && credentials.appId !== apiKey.name)) {
      throw unauthorized('The API key is not valid');
    }
    const targets = [context.getHandler(), context.getClass()];
    const required = this.reflector.getAllAndOverride(RequireScope, targets) ?? ApiScope.Admin;
    if (!hasScope(apiKey.scopes, required)) {
      throw new ApiError(ErrorCode.Forbidden, `This API key lacks the "${required}" scope`);
    }
    rememberRpcCaller(context, apiKey);
    return true;
  }
}

/** Metadata keys are lower-case like Node's header names; binary (-bin) entries are no credentials. */
function textEntries(metadata: Metadata): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata.getMap())) {
    if (typeof value === 'string') entries[key] = value;
  }
  return entries;
}
