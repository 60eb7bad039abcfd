import type { ValidationError } from 'class-validator';
import { ApiError, type FieldProblem } from './api-error.js';

/** class-validator's error tree as a flat list with dotted paths (`recipients.0.email`). */
export function validationDetails(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...validationDetails(error.children ?? [], field)];
  });
}

/** For the global ValidationPipe: every rejected DTO becomes one `validation_failed` error. */
export function validationExceptionFactory(errors: ValidationError[]): ApiError {
  return ApiError.invalid(validationDetails(errors));
}
