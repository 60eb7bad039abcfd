import {
  BadRequestException,
  HttpException,
  NotFoundException,
  PayloadTooLargeException,
} from '@nestjs/common';
import { ErrorCode } from '@herald/contracts';
import { InvalidCursorError, NotifierNameTakenError, ResourceCycleError } from '@herald/data';
import { ApiError } from './api-error.js';
import { toErrorResponse } from './error-response.js';

// body-parser's errors, as Nest's express adapter hands them to filters (wrapped, with a cause).
function bodyParserError(status: number, type: string, extra: object = {}): HttpException {
  const cause = Object.assign(new Error(type), { type, status, statusCode: status, expose: true, ...extra });
  return new HttpException(cause.message, status, { cause });
}

describe('toErrorResponse', () => {
  it('answers an ApiError with its code and details', () => {
    const details = [{ field: 'config.port', messages: ['port must be an integer'] }];
    expect(toErrorResponse(new ApiError(ErrorCode.ValidationFailed, 'bad', details))).toEqual({
      status: 400,
      body: { error: { code: 'validation_failed', message: 'bad', details } },
      unexpected: false,
    });
  });

  it('tells malformed JSON and oversized bodies apart from other bad requests', () => {
    const malformed = new BadRequestException('Unexpected token', {
      cause: Object.assign(new SyntaxError('Unexpected token'), { type: 'entity.parse.failed', status: 400 }),
    });
    expect(toErrorResponse(malformed)).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_json' } },
    });
    expect(toErrorResponse(bodyParserError(413, 'entity.too.large', { limit: 1048576 }))).toMatchObject({
      status: 413,
      body: { error: { code: 'payload_too_large', message: expect.stringContaining('1048576 bytes') } },
    });
  });

  it('maps domain errors of @herald/data', () => {
    expect(toErrorResponse(new NotifierNameTakenError('ops'))).toMatchObject({
      status: 409,
      body: { error: { code: 'conflict' } },
    });
    expect(
      toErrorResponse(new ResourceCycleError({ kind: 'a', id: '1' }, { kind: 'b', id: '2' })),
    ).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    expect(toErrorResponse(new InvalidCursorError())).toMatchObject({
      status: 400,
      body: { error: { code: 'validation_failed', details: [{ field: 'cursor' }] } },
    });
  });

  it('keeps framework 4xx inside the contract', () => {
    expect(toErrorResponse(new NotFoundException('Cannot GET /v1/nope'))).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found', message: 'Cannot GET /v1/nope' } },
    });
    expect(toErrorResponse(new PayloadTooLargeException())).toMatchObject({ status: 413 });
    // 415 has no code of its own: still the caller's fault, so a 400.
    expect(toErrorResponse(bodyParserError(415, 'charset.unsupported'))).toMatchObject({
      status: 400,
      body: { error: { code: 'validation_failed' } },
    });
  });

  it('answers 503 when the database is unreachable', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(toErrorResponse(refused)).toMatchObject({
      status: 503,
      body: { error: { code: 'service_unavailable' } },
      unexpected: false,
    });
  });

  it('hides anything else behind a generic 500', () => {
    const response = toErrorResponse(new TypeError("Cannot read properties of undefined (reading 'id')"));
    expect(response).toEqual({
      status: 500,
      body: { error: { code: 'internal_error', message: 'An unexpected error occurred' } },
      unexpected: true,
    });
    expect(toErrorResponse(new HttpException('boom', 502))).toMatchObject({ status: 500, unexpected: true });
  });
});
