import { DeliveryError } from '../delivery-error.js';

/** What an adapter saw of an HTTP answer: the status, the headers and (the start of) the body. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One attempt ends either with a response (any status) or with an error before one came. */
export type HttpOutcome = { response: HttpResponse } | { error: unknown };

export interface ClassifyHttpOptions {
  /** Who answered, for messages: "webhook", "Slack", "PagerDuty". */
  service: string;
  /** Only there to read a Retry-After date deterministically in specs. */
  now?: number;
  /** Turns a Retry-After-less 429 body into a wait (Discord's `retry_after`, Telegram's `parameters.retry_after`). */
  retryAfterFromBody?: (body: string) => number | undefined;
}

export const DEFAULT_RETRY_AFTER_MS = 1_000;
export const MAX_EXCERPT_LENGTH = 500;

// Request Timeout and Too Early: the receiver asks for the same request again later.
const RETRYABLE_4XX = new Set([408, 425]);

// The request could never be made as configured; retrying sends the same broken request.
const PERMANENT_ERROR_CODES = new Set([
  'ERR_INVALID_URL',
  'ERR_INVALID_ARG_TYPE',
  'ERR_INVALID_ARG_VALUE',
  'ERR_INVALID_HTTP_TOKEN',
  'ERR_INVALID_CHAR',
  'UND_ERR_INVALID_ARG',
  'UND_ERR_NOT_SUPPORTED',
]);

const ABORT_CODES = new Set(['UND_ERR_ABORTED', 'ABORT_ERR']);

/**
 * Sorts the outcome of an HTTP attempt by the rules every HTTP provider shares: `null` for a 2xx;
 * 429 → rate limited (Retry-After honoured); 408, 425, 5xx and network errors → retryable;
 * redirects and other 4xx → permanent. Channels refine it with what their provider's body says.
 */
export function classifyHttpOutcome(outcome: { error: unknown }, options: ClassifyHttpOptions): DeliveryError;
export function classifyHttpOutcome(outcome: HttpOutcome, options: ClassifyHttpOptions): DeliveryError | null;
export function classifyHttpOutcome(
  outcome: HttpOutcome,
  options: ClassifyHttpOptions,
): DeliveryError | null {
  return 'response' in outcome
    ? classifyResponse(outcome.response, options)
    : classifyTransportError(outcome.error);
}

function classifyResponse(response: HttpResponse, options: ClassifyHttpOptions): DeliveryError | null {
  const { status, headers, body } = response;
  if (status >= 200 && status < 300) return null;
  const providerCode = String(status);
  const message = httpErrorMessage(options.service, response);

  if (status === 429) {
    const header = headerValue(headers, 'retry-after');
    const fromBody = header === undefined ? options.retryAfterFromBody?.(body) : undefined;
    const retryAfterMs = fromBody ?? retryAfterMsOf(header, options.now);
    return DeliveryError.rateLimited(message, { providerCode, retryAfterMs });
  }
  if (RETRYABLE_4XX.has(status) || status >= 500) return DeliveryError.retryable(message, { providerCode });
  if (status >= 300 && status < 400) {
    // Not followed on purpose: the body and the credentials would go wherever it points.
    const location = headerValue(headers, 'location');
    return DeliveryError.permanent(
      `${options.service} answered HTTP ${status} redirect${location ? ` to ${location}` : ''}; update the notifier url`,
      { providerCode },
    );
  }
  return DeliveryError.permanent(message, { providerCode });
}

/** "Slack answered HTTP 404: channel_not_found", the body cut to 500 characters. */
export function httpErrorMessage(
  service: string,
  { status, body }: Pick<HttpResponse, 'status' | 'body'>,
): string {
  const excerpt = truncate(body.replace(/\s+/g, ' ').trim(), MAX_EXCERPT_LENGTH);
  return `${service} answered HTTP ${status}${excerpt ? `: ${excerpt}` : ''}`;
}

/** An error before any answer: a dispatch timeout, a bad request config, or the network. */
export function classifyTransportError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const code = errorCodeOf(error);
  const detail = isErrorLike(error) ? error.message : String(error);
  const message = truncate(code && !detail.includes(code) ? `${code} ${detail}` : detail, MAX_EXCERPT_LENGTH);
  const options = { providerCode: code, cause: error };

  if (isAbort(error, code)) return DeliveryError.retryable(`dispatch timeout: ${message}`, options);
  if (code !== undefined && PERMANENT_ERROR_CODES.has(code)) return DeliveryError.permanent(message, options);
  // Refused, reset, timed out, DNS, TLS: the receiver or the path to it may be back later.
  return DeliveryError.retryable(message, options);
}

/**
 * `Retry-After` is either whole seconds or an HTTP date (RFC 9110 §10.2.3). Anything missing or
 * unreadable falls back to one second rather than hammering the receiver straight away.
 */
export function retryAfterMsOf(value: string | undefined, now: number = Date.now()): number {
  const trimmed = value?.trim();
  if (!trimmed) return DEFAULT_RETRY_AFTER_MS;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? DEFAULT_RETRY_AFTER_MS : Math.max(0, date - now);
}

/** A header by name, whatever its case; the first value of a repeated one. */
export function headerValue(headers: HttpResponse['headers'], name: string): string | undefined {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : headers[key];
  return Array.isArray(value) ? value[0] : value;
}

/** The body parsed as JSON, or undefined when it is not JSON. */
export function jsonBodyOf<T = Record<string, unknown>>(body: string): T | undefined {
  try {
    return JSON.parse(body) as T;
  } catch {
    return undefined;
  }
}

interface ErrorLike {
  name?: unknown;
  message: string;
  code?: unknown;
  cause?: unknown;
}

// Duck-typed: errors from Node's core (sockets, DOMException) may come from another realm
// than this module's Error, where instanceof says no.
function isErrorLike(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null && typeof (value as ErrorLike).message === 'string';
}

function errorCodeOf(error: unknown): string | undefined {
  // fetch-style clients wrap the socket error; undici's request hands it over as is.
  for (let current = error, depth = 0; depth < 3 && isErrorLike(current); depth += 1) {
    if (typeof current.code === 'string') return current.code;
    current = current.cause;
  }
  return undefined;
}

function isAbort(error: unknown, code: string | undefined): boolean {
  return (code !== undefined && ABORT_CODES.has(code)) || (isErrorLike(error) && error.name === 'AbortError');
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
