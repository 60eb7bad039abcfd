import { status as GrpcStatus } from '@grpc/grpc-js';
import { ErrorCode, HERALD_GRPC_ERROR_CODE_KEY, HERALD_GRPC_ERROR_DETAILS_KEY } from '@herald/contracts';
import { ApiError } from '../errors/api-error.js';
import { GRPC_STATUS_BY_CODE, toGrpcError } from './grpc-status.js';

describe('toGrpcError', () => {
  it('maps every error code to a status other than UNKNOWN or OK', () => {
    for (const code of Object.values(ErrorCode)) {
      expect([GrpcStatus.UNKNOWN, GrpcStatus.OK]).not.toContain(GRPC_STATUS_BY_CODE[code]);
    }
  });

  it('carries the message as the status message and the envelope in the trailers', () => {
    const { error } = toGrpcError(ApiError.invalid([{ field: 'type', messages: ['type must be … valid'] }]));
    expect(error.code).toBe(GrpcStatus.INVALID_ARGUMENT);
    expect(error.details).toBe('The request is invalid: type');
    expect(error.metadata?.get(HERALD_GRPC_ERROR_CODE_KEY)).toEqual(['validation_failed']);
    const [details] = error.metadata!.get(HERALD_GRPC_ERROR_DETAILS_KEY);
    expect(JSON.parse((details as Buffer).toString('utf8'))).toEqual([
      { field: 'type', messages: ['type must be … valid'] },
    ]);
  });

  it.each([
    [new ApiError(ErrorCode.Unauthorized, 'no key'), GrpcStatus.UNAUTHENTICATED],
    [new ApiError(ErrorCode.Forbidden, 'no scope'), GrpcStatus.PERMISSION_DENIED],
    [ApiError.notFound('none'), GrpcStatus.NOT_FOUND],
    [new ApiError(ErrorCode.IdempotencyConflict, 'other request'), GrpcStatus.FAILED_PRECONDITION],
    [new ApiError(ErrorCode.ServiceUnavailable, 'Redis away'), GrpcStatus.UNAVAILABLE],
  ])('maps %s', (exception, expected) => {
    const { error } = toGrpcError(exception);
    expect(error.code).toBe(expected);
    expect(error.metadata?.get(HERALD_GRPC_ERROR_DETAILS_KEY)).toEqual([]);
  });

  it('answers a bug as INTERNAL with a generic message, flagged for the log', () => {
    const { error, response } = toGrpcError(new TypeError('secret internals'));
    expect(error.code).toBe(GrpcStatus.INTERNAL);
    expect(error.details).toBe('An unexpected error occurred');
    expect(response.unexpected).toBe(true);
  });
});
