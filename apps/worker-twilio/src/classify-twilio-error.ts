import {
  classifyHttpOutcome,
  DeliveryError,
  type HttpOutcome,
  headerValue,
  jsonBodyOf,
  retryAfterMsOf,
} from '@herald/worker-kit';

/** Twilio's error document: `{ code, message, more_info, status }`. */
interface TwilioErrorBody {
  code?: unknown;
  message?: unknown;
  more_info?: unknown;
  status?: unknown;
}

// The request can never succeed as it is, whatever status carried it.
const PERMANENT_CODES = new Set([
  20003, // authentication failed: wrong account SID or auth token
  20404, // the account or resource does not exist
  21211, // invalid 'To' number
  21212, // invalid 'From' number
  21214, // 'To' number cannot be reached
  21215, // geographic permission for calls to that region is off
  21408, // SMS to that region is not enabled
  21606, // the 'From' number cannot send SMS
  21608, // trial account: the number is not verified
  21610, // the recipient replied STOP
  21612, // that 'From' cannot reach that 'To'
  21614, // the 'To' number is not a mobile number
  21617, // the body is too long
]);
// Too many concurrent requests on the account: the same request works after a pause.
const RATE_LIMITED_CODES = new Set([20429]);

/**
 * Sorts the outcome of a Messages or Calls request: `null` for the 201, otherwise the
 * DeliveryError. Twilio's error `code` decides when it knows better than the HTTP status, and
 * becomes the providerCode; otherwise the shared HTTP rules apply (429 waits, 5xx retries).
 */
export function classifyTwilioError(outcome: HttpOutcome, now?: number): DeliveryError | null {
  const error = classifyHttpOutcome(outcome, { service: 'Twilio', now });
  if (!error || !('response' in outcome)) return error;

  const { status, headers, body } = outcome.response;
  const document = jsonBodyOf<TwilioErrorBody>(body);
  const code = typeof document?.code === 'number' ? document.code : undefined;
  if (code === undefined || typeof document?.message !== 'string') return error;

  const link = typeof document.more_info === 'string' ? ` (${document.more_info})` : '';
  const message = `Twilio answered HTTP ${status}: ${code} ${document.message}${link}`;
  const providerCode = String(code);
  if (RATE_LIMITED_CODES.has(code) || status === 429) {
    return DeliveryError.rateLimited(message, {
      providerCode,
      retryAfterMs: retryAfterMsOf(headerValue(headers, 'retry-after'), now),
    });
  }
  if (PERMANENT_CODES.has(code)) return DeliveryError.permanent(message, { providerCode });
  return new DeliveryError(error.code, message, { providerCode });
}
