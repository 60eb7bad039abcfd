import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ApiKeyRecord } from '@herald/data';

// Keyed by the call's metadata object, which lives exactly as long as the call.
const callers = new WeakMap<object, ApiKeyRecord>();

/** Called by RpcApiKeyGuard once it has accepted the call's key. */
export function rememberRpcCaller(context: ExecutionContext, apiKey: ApiKeyRecord): void {
  callers.set(context.switchToRpc().getContext<object>(), apiKey);
}

/** The API key RpcApiKeyGuard accepted for this call, for the guards and handlers after it. */
export function rpcCallerOf(context: ExecutionContext): ApiKeyRecord {
  const apiKey = callers.get(context.switchToRpc().getContext<object>());
  // The guard runs before every handler; reaching this without a key is a wiring bug, not a 401.
  if (!apiKey) throw new Error('No API key for this gRPC call: RpcApiKeyGuard did not run first');
  return apiKey;
}

/** The API key RpcApiKeyGuard accepted for this gRPC call (the gRPC side of @Caller()). */
export const RpcCaller = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  rpcCallerOf(context),
);
