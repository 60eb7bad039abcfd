import {
  classifyHttpOutcome,
  DeliveryError,
  headerValue,
  type HttpOutcome,
  jsonBodyOf,
  retryAfterMsOf,
} from '@herald/worker-kit';
import { SlackVia } from './build-slack-payload.js';

/** What the Web API answers, always as JSON and usually with HTTP 200, failures included. */
interface SlackApiAnswer {
  ok?: unknown;
  error?: unknown;
  response_metadata?: { messages?: unknown };
}

// `ratelimited` comes with HTTP 429 and Retry-After; `rate_limited` is chat.postMessage's own
// "posted too many messages".
const RATE_LIMITED = new Set(['ratelimited', 'rate_limited']);

// Slack's side failed, or the request arrived cut short: the same request may well pass later.
// Every other documented code (invalid_auth, channel_not_found, not_in_channel, is_archived,
// missing_scope, invalid_blocks, msg_too_long...) needs someone to change the config or the app.
const RETRYABLE = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'team_added_to_org',
]);

/**
 * Sorts the outcome of one Slack request: `null` when Slack took the message. The Web API reports
 * failures as `{"ok": false, "error": "<code>"}` (mostly with HTTP 200), sorted here by code;
 * an incoming webhook answers a plain-text code with an HTTP status, which the shared rules sort.
 * `providerCode` is Slack's code when it gives one, else the HTTP status.
 */
export function classifySlackError(outcome: HttpOutcome, via: SlackVia, now?: number): DeliveryError | null {
  const failure = classifyHttpOutcome(outcome, { service: 'Slack', now });
  if (!('response' in outcome)) return failure;
  const { response } = outcome;

  if (via === SlackVia.Webhook) {
    const code = /^[a-z_]+$/.exec(response.body.trim())?.[0];
    return failure && code ? withProviderCode(failure, code) : failure;
  }

  const answer = jsonBodyOf<SlackApiAnswer>(response.body);
  if (failure === null && answer?.ok === true) return null;
  const code = typeof answer?.error === 'string' ? answer.error : undefined;
  if (code === undefined) {
    return (
      failure ??
      DeliveryError.permanent(
        `not a Slack Web API answer (HTTP ${response.status}); check the notifier's apiUrl`,
        {
          providerCode: String(response.status),
        },
      )
    );
  }

  const message = `Slack answered ${code}${detailOf(answer)} (HTTP ${response.status})`;
  if (RATE_LIMITED.has(code) || response.status === 429) {
    const retryAfterMs = retryAfterMsOf(headerValue(response.headers, 'retry-after'), now);
    return DeliveryError.rateLimited(message, { providerCode: code, retryAfterMs });
  }
  if (RETRYABLE.has(code) || response.status >= 500) {
    return DeliveryError.retryable(message, { providerCode: code });
  }
  return DeliveryError.permanent(message, { providerCode: code });
}

/** invalid_blocks and friends say what was wrong in `response_metadata.messages`. */
function detailOf(answer: SlackApiAnswer | undefined): string {
  const messages = answer?.response_metadata?.messages;
  return Array.isArray(messages) && messages.length > 0 ? `: ${messages.map(String).join('; ')}` : '';
}

function withProviderCode(error: DeliveryError, providerCode: string): DeliveryError {
  const { retryAfterMs } = error;
  return new DeliveryError(error.code, error.message, { providerCode, retryAfterMs });
}
