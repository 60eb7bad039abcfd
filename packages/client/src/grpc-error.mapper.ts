import { Metadata, type ServiceError, status as GrpcStatus } from '@grpc/grpc-js';
import {
  ERROR_HTTP_STATUS,
  ErrorCode,
  HERALD_GRPC_ERROR_CODE_KEY,
  HERALD_GRPC_ERROR_DETAILS_KEY,
} from '@herald/contracts';
import { HeraldApiError } from './herald-api-error.js';

// For statuses that did not come from Herald's handlers (no code in the trailers): the channel could
// not connect, the deadline passed, the message was over the size limit.
const CODE_BY_STATUS: Partial<Record<GrpcStatus, ErrorCode>> = {
  [GrpcStatus.INVALID_ARGUMENT]: ErrorCode.ValidationFailed,
  [GrpcStatus.UNAUTHENTICATED]: ErrorCode.Unauthorized,
  [GrpcStatus.PERMISSION_DENIED]: ErrorCode.Forbidden,
  [GrpcStatus.NOT_FOUND]: ErrorCode.NotFound,
  [GrpcStatus.ALREADY_EXISTS]: ErrorCode.Conflict,
  [GrpcStatus.FAILED_PRECONDITION]: ErrorCode.IdempotencyConflict,
  [GrpcStatus.RESOURCE_EXHAUSTED]: ErrorCode.PayloadTooLarge,
  [GrpcStatus.UNAVAILABLE]: ErrorCode.ServiceUnavailable,
  // No answer in time: as with a REST timeout, the request may or may not have been done.
  [GrpcStatus.DEADLINE_EXCEEDED]: ErrorCode.ServiceUnavailable,
};

/** A gRPC error as the HeraldApiError REST would have thrown: same code, message and details. */
export function toHeraldApiError(error: ServiceError): HeraldApiError {
  const metadata = error.metadata ?? new Metadata();
  const sent = metadata.get(HERALD_GRPC_ERROR_CODE_KEY)[0];
  const code =
    typeof sent === 'string' && KNOWN_CODES.has(sent)
      ? (sent as ErrorCode)
      : (CODE_BY_STATUS[error.code] ?? ErrorCode.Internal);
  return new HeraldApiError(
    ERROR_HTTP_STATUS[code],
    code,
    error.details || error.message,
    readDetails(metadata.get(HERALD_GRPC_ERROR_DETAILS_KEY)[0]),
    error.code,
  );
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

function readDetails(value: string | Buffer | undefined): unknown[] {
  if (!Buffer.isBuffer(value)) return [];
  try {
    const details: unknown = JSON.parse(value.toString('utf8'));
    return Array.isArray(details) ? details : [];
  } catch {
    return [];
  }
}
