import { ErrorCode } from '@herald/contracts';
import { ApiError } from '../errors/api-error.js';
import { resolveIdempotencyKey } from './idempotency-key.js';

describe('resolveIdempotencyKey', () => {
  it('takes the header, else the field, else none', () => {
    expect(resolveIdempotencyKey('run-7', undefined)).toBe('run-7');
    expect(resolveIdempotencyKey(undefined, 'run-7')).toBe('run-7');
    expect(resolveIdempotencyKey(undefined, undefined)).toBeNull();
    expect(resolveIdempotencyKey(' run-7 ', 'run-7')).toBe('run-7');
  });

  it.each([
    ['', undefined, 'Idempotency-Key'],
    ['x'.repeat(256), undefined, 'Idempotency-Key'],
    ['run-7', 'run-8', 'idempotencyKey'],
  ])('refuses header %j with field %j', (header, field, named) => {
    let thrown: unknown;
    try {
      resolveIdempotencyKey(header, field);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect((thrown as ApiError).code).toBe(ErrorCode.ValidationFailed);
    expect((thrown as ApiError).details?.[0]?.field).toBe(named);
  });
});
