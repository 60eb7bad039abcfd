import { LiquidError } from 'liquidjs';

/** A Liquid error as the API reports it: the bare message and, when Liquid knows it, where. */
export interface TemplateErrorDetail {
  message: string;
  line?: number;
  column?: number;
}

/**
 * Liquid appends ", line:2, col:5" to its messages; the position is kept as numbers instead, so
 * callers can point at it and word it their own way.
 */
export function templateErrorDetail(error: unknown): TemplateErrorDetail {
  if (!LiquidError.is(error)) return { message: error instanceof Error ? error.message : String(error) };
  const message = (error.originalError?.message ?? error.message).replace(/, line:\d+, col:\d+$/, '');
  const [line, column] = error.token?.getPosition() ?? [];
  return line !== undefined && column !== undefined ? { message, line, column } : { message };
}

/** "undefined filter: nope (line 2, column 3)" */
export function describeTemplateError(detail: TemplateErrorDetail): string {
  return detail.line !== undefined
    ? `${detail.message} (line ${detail.line}, column ${detail.column})`
    : detail.message;
}
