import { HeraldApiError } from '@herald/client';
import { EnvValidationError } from '@herald/contracts';
import { UsageError } from './usage-error.js';

/** What scripts can rely on; documented in the README. */
export enum ExitCode {
  Ok = 0,
  /** The operation ran and failed on its own terms: a delivery failed, a test message was not sent. */
  Failed = 1,
  Usage = 2,
  /** The API answered 4xx: auth, validation, not found, conflict, rate limit. */
  ApiRefused = 3,
  /** No answer, or a 5xx, after the client's retries. */
  ApiUnavailable = 4,
}

/** Every expected failure mapped to its exit code; anything else is a failure of the command (1). */
export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof UsageError || error instanceof EnvValidationError || isParseArgsError(error))
    return ExitCode.Usage;
  if (error instanceof HeraldApiError)
    return error.status >= 500 ? ExitCode.ApiUnavailable : ExitCode.ApiRefused;
  return ExitCode.Failed;
}

/** One line for stderr: the contract's code and message for API errors, never a stack trace. */
export function describeFailure(error: unknown): string {
  if (error instanceof HeraldApiError) return error.describe();
  if (error instanceof Error) return error.message;
  return String(error);
}

// node:util parseArgs throws TypeErrors tagged ERR_PARSE_ARGS_* for unknown options and missing values.
function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
