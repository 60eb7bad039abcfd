/** Codes of the public error envelope; each maps to exactly one HTTP status. */
export enum ErrorCode {
  ValidationFailed = 'validation_failed',
  InvalidJson = 'invalid_json',
  Unauthorized = 'unauthorized',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  Conflict = 'conflict',
  PayloadTooLarge = 'payload_too_large',
  IdempotencyConflict = 'idempotency_conflict',
  RateLimited = 'rate_limited',
  ServiceUnavailable = 'service_unavailable',
  Internal = 'internal_error',
}

export const ERROR_HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.InvalidJson]: 400,
  [ErrorCode.Unauthorized]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.IdempotencyConflict]: 422,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.ServiceUnavailable]: 503,
  [ErrorCode.Internal]: 500,
};

export interface ErrorEnvelope {
  error: {
    code: ErrorCode;
    message: string;
    details?: unknown[];
  };
}
