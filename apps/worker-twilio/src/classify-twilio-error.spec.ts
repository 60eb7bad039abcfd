import { DeliveryErrorCode } from '@herald/worker-kit';
import { twilioError } from '../test/twilio-fixtures.js';
import { classifyTwilioError } from './classify-twilio-error.js';

const JSON_HEADERS = { 'content-type': 'application/json' };

function answer(status: number, body: string, headers: Record<string, string> = JSON_HEADERS) {
  return classifyTwilioError({ response: { status, headers, body } });
}

describe('classifyTwilioError', () => {
  it('accepts the 201 with the new message', () => {
    expect(answer(201, '{"sid":"SM1234567890abcdef1234567890abcdef","status":"queued"}')).toBeNull();
  });

  it.each([
    [21211, "The 'To' number +1500555 is not a valid phone number.", 400],
    [21614, "'To' number is not a valid mobile number", 400],
    [21610, 'Attempt to send to unsubscribed recipient', 400],
    [
      21408,
      "Permission to send an SMS has not been enabled for the region indicated by the 'To' number: +99912345",
      400,
    ],
    [20003, 'Authentication Error - invalid username', 401],
    [20404, 'The requested resource /2010-04-01/Accounts/AC00/Messages.json was not found', 404],
  ])('gives up on error %i and names it', (code, message, status) => {
    const error = answer(status, twilioError(code, message, status));

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.providerCode).toBe(String(code));
    expect(error?.message).toBe(
      `Twilio answered HTTP ${status}: ${code} ${message} (https://www.twilio.com/docs/errors/${code})`,
    );
  });

  it('slows down on 20429, for as long as a Retry-After says', () => {
    const error = answer(429, twilioError(20429, 'Too Many Requests', 429), {
      ...JSON_HEADERS,
      'Retry-After': '3',
    });

    expect(error?.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error?.providerCode).toBe('20429');
    expect(error?.retryAfterMs).toBe(3000);
  });

  it('slows down one second on a 20429 without Retry-After', () => {
    const error = answer(429, twilioError(20429, 'Too Many Requests', 429));

    expect(error?.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error?.retryAfterMs).toBe(1000);
  });

  it('retries Twilio’s 5xx errors', () => {
    const error = answer(500, twilioError(20500, 'Internal Server Error', 500));

    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
    expect(error?.providerCode).toBe('20500');
  });

  it('keeps the HTTP rules for an unknown code', () => {
    const error = answer(400, twilioError(21999, 'Something new', 400));

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.providerCode).toBe('21999');
  });

  it('falls back to the status for a body that is not Twilio’s JSON', () => {
    const error = answer(502, '<html>Bad Gateway</html>', {});

    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
    expect(error?.providerCode).toBe('502');
    expect(error?.message).toBe('Twilio answered HTTP 502: <html>Bad Gateway</html>');
  });

  it('retries a network error', () => {
    const error = classifyTwilioError({
      error: Object.assign(new Error('getaddrinfo EAI_AGAIN'), { code: 'EAI_AGAIN' }),
    });

    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
  });
});
