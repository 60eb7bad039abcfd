import { DeliveryError, DeliveryErrorCode } from '@herald/worker-kit';
import { classifyInAppError } from './classify-inapp-error.js';

/** What TypeORM throws for a failed query: a QueryFailedError with node-postgres' error inside. */
function queryFailed(code: string, message: string): Error {
  const driverError = Object.assign(new Error(message), { code, severity: 'ERROR' });
  return Object.assign(new Error(message), { name: 'QueryFailedError', driverError });
}

describe('classifyInAppError', () => {
  it('fails for good when the user was deleted before the insert (foreign key violation)', () => {
    const error = classifyInAppError(
      queryFailed(
        '23503',
        'insert or update on table "inbox_items" violates foreign key constraint "inbox_items_user_id_fkey"',
      ),
    );
    expect(error).toMatchObject({ code: DeliveryErrorCode.Permanent, providerCode: '23503' });
    expect(error.message).toMatch(/^the user no longer exists: insert or update on table "inbox_items"/);
  });

  it.each([
    ['23502', 'null value in column "title" of relation "inbox_items" violates not-null constraint'],
    ['23514', 'new row for relation "inbox_items" violates check constraint'],
    ['22P02', 'invalid input syntax for type uuid: "not-a-uuid"'],
    ['22021', 'invalid byte sequence for encoding "UTF8": 0x00'],
  ])('fails for good on a row Postgres refuses (%s)', (code, message) => {
    expect(classifyInAppError(queryFailed(code, message))).toMatchObject({
      code: DeliveryErrorCode.Permanent,
      providerCode: code,
      message: `Postgres refused the inbox item: ${message}`,
    });
  });

  it.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['08006', 'connection failure'],
    ['53300', 'sorry, too many clients already'],
  ])('retries when Postgres is going away or busy (%s)', (code, message) => {
    expect(classifyInAppError(queryFailed(code, message))).toMatchObject({
      code: DeliveryErrorCode.Retryable,
      providerCode: code,
    });
  });

  it('retries when the pool cannot reach Postgres at all', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const error = classifyInAppError(refused);
    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.message).toBe('inbox database unavailable: connect ECONNREFUSED 127.0.0.1:5432');
    // Not a SQLSTATE: no provider code to show.
    expect(error.providerCode).toBeUndefined();

    const poolTimeout = new Error('timeout exceeded when trying to connect');
    expect(classifyInAppError(poolTimeout).message).toBe(
      'inbox database unavailable: timeout exceeded when trying to connect',
    );
  });

  it('retries a deadlock or a serialization failure', () => {
    expect(classifyInAppError(queryFailed('40P01', 'deadlock detected')).code).toBe(
      DeliveryErrorCode.Retryable,
    );
    expect(
      classifyInAppError(queryFailed('40001', 'could not serialize access due to concurrent update')).code,
    ).toBe(DeliveryErrorCode.Retryable);
  });

  it('passes a DeliveryError through and retries anything unknown', () => {
    const given = DeliveryError.permanent('inapp delivers to users only');
    expect(classifyInAppError(given)).toBe(given);
    expect(classifyInAppError(new Error('something odd'))).toMatchObject({
      code: DeliveryErrorCode.Retryable,
      message: 'something odd',
    });
  });
});
