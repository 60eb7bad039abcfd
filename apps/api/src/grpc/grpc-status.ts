import { Metadata, status as GrpcStatus, type ServerErrorResponse } from '@grpc/grpc-js';
import { ErrorCode, HERALD_GRPC_ERROR_CODE_KEY, HERALD_GRPC_ERROR_DETAILS_KEY } from '@herald/contracts';
import { type ErrorResponse, toErrorResponse } from '../errors/error-response.js';

/** The gRPC status of each code of the error envelope: never UNKNOWN for an error Herald chose. */
export const GRPC_STATUS_BY_CODE: Record<ErrorCode, GrpcStatus> = {
  [ErrorCode.ValidationFailed]: GrpcStatus.INVALID_ARGUMENT,
  [ErrorCode.InvalidJson]: GrpcStatus.INVALID_ARGUMENT,
  [ErrorCode.Unauthorized]: GrpcStatus.UNAUTHENTICATED,
  [ErrorCode.Forbidden]: GrpcStatus.PERMISSION_DENIED,
  [ErrorCode.NotFound]: GrpcStatus.NOT_FOUND,
  [ErrorCode.Conflict]: GrpcStatus.ALREADY_EXISTS,
  [ErrorCode.PayloadTooLarge]: GrpcStatus.RESOURCE_EXHAUSTED,
  // The key is bound to another request: retrying the same call can never succeed (not ALREADY_EXISTS,
  // which would suggest the event itself exists; the first request's notification is another event).
  [ErrorCode.IdempotencyConflict]: GrpcStatus.FAILED_PRECONDITION,
  [ErrorCode.RateLimited]: GrpcStatus.RESOURCE_EXHAUSTED,
  // Postgres or Redis away: the one status gRPC clients retry on their own.
  [ErrorCode.ServiceUnavailable]: GrpcStatus.UNAVAILABLE,
  [ErrorCode.Internal]: GrpcStatus.INTERNAL,
};

export interface GrpcErrorResponse {
  error: ServerErrorResponse;
  /** The mapping REST uses, for logging alike. */
  response: ErrorResponse;
}

/**
 * Any error a handler or guard raised, as the gRPC status to answer: the REST envelope's message as
 * the status message, its code and details in the trailing metadata.
 */
export function toGrpcError(exception: unknown): GrpcErrorResponse {
  const response = toErrorResponse(exception);
  const { code, message, details } = response.body.error;
  const metadata = new Metadata();
  metadata.set(HERALD_GRPC_ERROR_CODE_KEY, code);
  // A -bin key: field messages may quote what the caller sent, which need not be ASCII.
  if (details) metadata.set(HERALD_GRPC_ERROR_DETAILS_KEY, Buffer.from(JSON.stringify(details), 'utf8'));
  const error = Object.assign(new Error(message), {
    code: GRPC_STATUS_BY_CODE[code],
    details: message,
    metadata,
  });
  return { error, response };
}
