/** An answer of the API outside 2xx (or a gRPC error status), carrying the contract's error envelope. */
export class HeraldApiError extends Error {
  constructor(
    /** The HTTP status; over gRPC, the one REST answers for the same `code`. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
    /** The gRPC status code, when the error came over gRPC. */
    readonly grpcStatus?: number,
  ) {
    super(message);
    this.name = 'HeraldApiError';
  }

  /** Herald (or the way to it) is away for now: the same request may succeed later. */
  get retryable(): boolean {
    return this.status === 503;
  }

  /** One line for people: the code, the message, and each field detail. */
  describe(): string {
    const details = this.details
      .map((detail) => {
        const { field, messages } = detail as { field?: string; messages?: string[] };
        return field ? `${field}: ${(messages ?? []).join('; ')}` : JSON.stringify(detail);
      })
      .join(', ');
    return `${this.status} ${this.code}: ${this.message}${details ? ` (${details})` : ''}`;
  }
}

/** The request never got an answer (refused, reset, timed out): as retryable as a 503. */
export function unreachable(where: string, error: unknown): HeraldApiError {
  const cause = (error as { cause?: unknown }).cause;
  // Duck-typed: fetch's errors may come from another realm than this module's Error.
  const reason = [error, cause]
    .map((part) => (part as { message?: unknown } | undefined)?.message)
    .filter((message): message is string => typeof message === 'string' && message !== '')
    .join(': ');
  return new HeraldApiError(503, 'service_unavailable', `Herald at ${where} did not answer: ${reason}`);
}
