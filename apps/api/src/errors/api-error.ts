import { ErrorCode } from '@herald/contracts';

/** One problem with one input field, as listed in an error envelope's `details`. */
export interface FieldProblem {
  field: string;
  messages: string[];
}

/** An error a service raises on purpose; the exception filter answers it with its code's status. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldProblem[],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static notFound(message: string): ApiError {
    return new ApiError(ErrorCode.NotFound, message);
  }

  static invalid(details: FieldProblem[]): ApiError {
    const fields = [...new Set(details.map((problem) => problem.field))].join(', ');
    return new ApiError(ErrorCode.ValidationFailed, `The request is invalid: ${fields}`, details);
  }
}
