export enum DeliveryErrorCode {
  /** Network trouble, 5xx, SMTP 4xx, a timeout: try again later with backoff. */
  Retryable = 'retryable',
  /** 429 / Retry-After: slow the channel down; does not consume an attempt. */
  RateLimited = 'rate_limited',
  /** 4xx, bad address, bad config, render error: never retried. */
  Permanent = 'permanent',
}

export interface DeliveryErrorOptions {
  /** HTTP status, SMTP reply code, or a provider's error code. */
  providerCode?: string;
  /** For rate limits: how long the provider asked us to wait. */
  retryAfterMs?: number;
  cause?: unknown;
}

/** The one error type a channel adapter throws; its code decides what happens to the delivery. */
export class DeliveryError extends Error {
  readonly providerCode?: string;
  readonly retryAfterMs?: number;

  constructor(
    readonly code: DeliveryErrorCode,
    message: string,
    options: DeliveryErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'DeliveryError';
    this.providerCode = options.providerCode;
    this.retryAfterMs = options.retryAfterMs;
  }

  static retryable(message: string, options?: DeliveryErrorOptions): DeliveryError {
    return new DeliveryError(DeliveryErrorCode.Retryable, message, options);
  }

  static rateLimited(message: string, options?: DeliveryErrorOptions): DeliveryError {
    return new DeliveryError(DeliveryErrorCode.RateLimited, message, options);
  }

  static permanent(message: string, options?: DeliveryErrorOptions): DeliveryError {
    return new DeliveryError(DeliveryErrorCode.Permanent, message, options);
  }
}

/** Anything an adapter throws that is not a DeliveryError is treated as a transient failure. */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return DeliveryError.retryable(message, { cause: error });
}
