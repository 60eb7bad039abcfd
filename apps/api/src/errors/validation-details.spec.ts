import { CreateEventDto, ErrorCode } from '@herald/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { validationDetails, validationExceptionFactory } from './validation-details.js';

function validate(body: unknown) {
  return validateSync(plainToInstance(CreateEventDto, body) as object, {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
}

describe('validationDetails', () => {
  it('names nested fields with dotted paths', () => {
    const details = validationDetails(
      validate({ type: 'job.failed', recipients: [{ email: 'ops@example.com' }, { email: 'nope' }] }),
    );
    expect(details).toEqual([{ field: 'recipients.1.email', messages: ['email must be an email'] }]);
  });

  it('lists unknown fields and wrong types together', () => {
    const fields = validationDetails(
      validate({ type: 42, colour: 'red', source: { kind: 'job', id: '1', x: 1 } }),
    )
      .map((detail) => detail.field)
      .sort();
    expect(fields).toEqual(['colour', 'source.x', 'type']);
  });
});

describe('validationExceptionFactory', () => {
  it('makes one validation_failed error naming the fields', () => {
    const error = validationExceptionFactory(validate({}));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.message).toBe('The request is invalid: type');
    expect(error.details).toEqual([{ field: 'type', messages: [expect.stringMatching(/^type must be/)] }]);
  });
});
