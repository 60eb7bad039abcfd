import {
  classifyHttpOutcome,
  DeliveryError,
  headerValue,
  type HttpOutcome,
  type HttpResponse,
  httpErrorMessage,
  jsonBodyOf,
  retryAfterMsOf,
} from '@herald/worker-kit';

/** Every Feishu answer: the Open API's `{code, msg, data}`, or a custom bot's older `StatusCode`. */
export interface FeishuAnswer {
  code?: number;
  msg?: string;
  StatusCode?: number;
  StatusMessage?: string;
  data?: Record<string, unknown>;
}

const SERVICE = 'Feishu';

/** The tenant_access_token is missing, expired or revoked: fetch a new one and send again. */
export const FEISHU_TOKEN_INVALID_CODES: ReadonlySet<number> = new Set([99991661, 99991663]);

// 99991400: the Open API's frequency control; 230020: the messaging API's own; 11232: a custom
// bot's "frequency limited" (100 a minute, 5 a second per bot).
const RATE_LIMIT_CODES = new Set([99991400, 230020, 11232]);

/**
 * Sorts the outcome of a Feishu call: `null` only for a 2xx whose `code` is 0. Feishu answers most
 * errors with HTTP 200 and a non-zero `code` (19021 sign mismatch, 19024 keyword missing,
 * 230002 bot not in the chat...): those are permanent, with the code as providerCode. Frequency
 * control (HTTP 429, or 400 with code 99991400 on older APIs) waits `x-ogw-ratelimit-reset`
 * seconds; an invalid tenant token is retryable, since a fresh token may cure it; 5xx are retried.
 */
export function classifyFeishuError(outcome: HttpOutcome, now?: number): DeliveryError | null {
  if ('error' in outcome) return classifyHttpOutcome(outcome, { service: SERVICE });
  const { response } = outcome;
  const answer = jsonBodyOf<FeishuAnswer>(response.body);
  const code = codeOf(answer);
  const message = messageOf(response, code, answer);
  const providerCode = code === undefined ? String(response.status) : String(code);

  if (response.status === 429 || (code !== undefined && RATE_LIMIT_CODES.has(code))) {
    return DeliveryError.rateLimited(message, { providerCode, retryAfterMs: retryAfterOf(response, now) });
  }
  if (response.status >= 500) return DeliveryError.retryable(message, { providerCode });
  if (code !== undefined && FEISHU_TOKEN_INVALID_CODES.has(code)) {
    return DeliveryError.retryable(message, { providerCode });
  }
  const base = classifyHttpOutcome(outcome, { service: SERVICE, now });
  if (base) return code === undefined ? base : new DeliveryError(base.code, message, { providerCode });
  if (code === undefined) {
    return DeliveryError.permanent(`${SERVICE} answered HTTP ${response.status} without a Feishu JSON body`, {
      providerCode,
    });
  }
  return code === 0 ? null : DeliveryError.permanent(message, { providerCode });
}

export function codeOf(answer: FeishuAnswer | undefined): number | undefined {
  const code = answer?.code ?? answer?.StatusCode;
  return typeof code === 'number' ? code : undefined;
}

function messageOf(
  response: HttpResponse,
  code: number | undefined,
  answer: FeishuAnswer | undefined,
): string {
  if (code === undefined) return httpErrorMessage(SERVICE, response);
  const text = answer?.msg ?? answer?.StatusMessage ?? '';
  return `${SERVICE} answered HTTP ${response.status} code ${code}${text ? `: ${text}` : ''}`;
}

// Feishu says how long the window lasts in its own header; a plain Retry-After is honoured too.
function retryAfterOf(response: HttpResponse, now?: number): number {
  const wait =
    headerValue(response.headers, 'x-ogw-ratelimit-reset') ?? headerValue(response.headers, 'retry-after');
  return retryAfterMsOf(wait, now);
}
