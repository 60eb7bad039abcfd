const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  'EAI_AGAIN',
]);

/**
 * True when an error means "the database is unreachable" rather than "this query is wrong":
 * socket errors, pool timeouts, and Postgres' connection-exception (08) and shutdown (57P) classes.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || /^(08|57P)/.test(code))) return true;
    if (
      typeof message === 'string' &&
      /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|Client has encountered a connection error/i.test(
        message,
      )
    ) {
      return true;
    }
    current =
      (current as { cause?: unknown; driverError?: unknown }).driverError ??
      (current as { cause?: unknown }).cause;
  }
  return false;
}
