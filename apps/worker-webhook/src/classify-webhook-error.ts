import { DeliveryError } from '@herald/worker-kit';

/** What the adapter saw of an answer: the status, the headers and the start of the body. */
export interface WebhookResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One attempt ends either with a response (any status) or with an error before one came. */
export type WebhookOutcome = { response: WebhookResponse } | { error: unknown };

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
 * Sorts the outcome of a webhook attempt: `null` for a 2xx, otherwise the DeliveryError that
 * decides what happens next. `now` is only there to read a Retry-After date deterministically.
 */
export function classifyWebhookError(outcome: { error: unknown }, now?: number): DeliveryError;
export function classifyWebhookError(outcome: WebhookOutcome, now?: number): DeliveryError | null;
export function classifyWebhookError(
  outcome: WebhookOutcome,
  now: number = Date.now(),
): DeliveryError | null {
  return 'response' in outcome ? classifyResponse(outcome.response, now) : classifyError(outcome.error);
}

function classifyResponse({ status, headers, body }: WebhookResponse, now: number): DeliveryError | null {
  if (status >= 200 && status < 300) return null;
  const providerCode = String(status);
  const excerpt = excerptOf(body);
  const message = `webhook answered HTTP ${status}${excerpt ? `: ${excerpt}` : ''}`;

  if (status === 429) {
    const retryAfterMs = retryAfterMsOf(headerValue(headers, 'retry-after'), now);
    return DeliveryError.rateLimited(message, { providerCode, retryAfterMs });
  }
  if (RETRYABLE_4XX.has(status) || status >= 500) return DeliveryError.retryable(message, { providerCode });
  if (status >= 300 && status < 400) {
    // Not followed on purpose: the signed body and the credentials would go wherever it points.
    const location = headerValue(headers, 'location');
    const redirect = `webhook answered HTTP ${status} redirect${location ? ` to ${location}` : ''}; update the notifier url`;
    return DeliveryError.permanent(redirect, { providerCode });
  }
  return DeliveryError.permanent(message, { providerCode });
}

function classifyError(error: unknown): DeliveryError {
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

function headerValue(headers: WebhookResponse['headers'], name: string): string | undefined {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return Array.isArray(value) ? value[0] : value;
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

function excerptOf(body: string): string {
  return truncate(body.replace(/\s+/g, ' ').trim(), MAX_EXCERPT_LENGTH);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
