import { HttpException } from '@nestjs/common';
import { ERROR_HTTP_STATUS, ErrorCode, type ErrorEnvelope } from '@herald/contracts';
import {
  InvalidCursorError,
  isDatabaseUnavailable,
  NotifierNameTakenError,
  ResourceCycleError,
} from '@herald/data';
import { ApiError, type FieldProblem } from './api-error.js';

export interface ErrorResponse {
  status: number;
  body: ErrorEnvelope;
  /** A bug or an outage rather than a bad request: worth a log line with the stack. */
  unexpected: boolean;
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthorized,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  422: ErrorCode.IdempotencyConflict,
  429: ErrorCode.RateLimited,
  503: ErrorCode.ServiceUnavailable,
};

/** Every error the API can meet, mapped to the public envelope; the one place HTTP statuses are chosen. */
export function toErrorResponse(exception: unknown): ErrorResponse {
  if (exception instanceof ApiError) return respond(exception.code, exception.message, exception.details);

  const parser = bodyParserError(exception);
  if (parser?.type === 'entity.parse.failed') {
    return respond(ErrorCode.InvalidJson, 'The request body is not valid JSON');
  }
  if (parser?.type === 'entity.too.large') {
    const limit = typeof parser.limit === 'number' ? ` of ${parser.limit} bytes` : '';
    return respond(ErrorCode.PayloadTooLarge, `The request body is larger than the limit${limit}`);
  }

  if (exception instanceof NotifierNameTakenError || exception instanceof ResourceCycleError) {
    return respond(ErrorCode.Conflict, exception.message);
  }
  if (exception instanceof InvalidCursorError) {
    return respond(ErrorCode.ValidationFailed, 'The request is invalid: cursor', [
      { field: 'cursor', messages: [exception.message] },
    ]);
  }
  if (exception instanceof HttpException && exception.getStatus() < 500) {
    // Framework 4xx: unknown routes, other body-parser refusals. A 4xx without a code of its own is
    // still the caller's mistake, so it becomes a 400 rather than leaking a status outside the contract.
    const code = CODE_BY_STATUS[exception.getStatus()] ?? ErrorCode.ValidationFailed;
    return respond(code, exception.message);
  }
  if (isDatabaseUnavailable(exception)) {
    return respond(ErrorCode.ServiceUnavailable, 'The database is unavailable; retry later');
  }
  return { ...respond(ErrorCode.Internal, 'An unexpected error occurred'), unexpected: true };
}

function respond(code: ErrorCode, message: string, details?: FieldProblem[]): ErrorResponse {
  return {
    status: ERROR_HTTP_STATUS[code],
    body: { error: details && details.length > 0 ? { code, message, details } : { code, message } },
    unexpected: false,
  };
}

interface BodyParserError {
  type: string;
  limit?: unknown;
}

/** body-parser tags its errors with a `type`; Nest's express adapter wraps them as the `cause`. */
function bodyParserError(exception: unknown): BodyParserError | null {
  for (const candidate of [exception, (exception as { cause?: unknown } | null)?.cause]) {
    const type = (candidate as { type?: unknown } | null | undefined)?.type;
    if (typeof type === 'string') return candidate as BodyParserError;
  }
  return null;
}
