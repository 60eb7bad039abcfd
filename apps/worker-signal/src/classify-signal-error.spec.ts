import { DeliveryErrorCode } from '@herald/worker-kit';
import {
  classifySignalError,
  DEFAULT_SIGNAL_RATE_LIMIT_WAIT_MS,
  MAX_SIGNAL_RATE_LIMIT_WAIT_MS,
} from './classify-signal-error.js';

function answer(status: number, body: unknown) {
  return { response: { status, headers: {}, body: typeof body === 'string' ? body : JSON.stringify(body) } };
}

// Error texts as signal-cli-rest-api passes on what signal-cli printed (issues #692, #696, #857).
describe('classifySignalError', () => {
  it('accepts 201 with the message timestamp', () => {
    expect(classifySignalError(answer(201, { timestamp: '1767323045123' }))).toBeNull();
  });

  it.each([
    'Failed to send (some) messages:\n+447700900123: Unregistered user "+447700900123"\n1767323045123\n',
    'User +4915100000001 is not registered.\n',
    'Failed to send (some) messages:\n+447700900123: Untrusted Identity for "+447700900123"\n',
    "Couldn't process request - please provide at least one recipient",
  ])('fails permanently on %p', (text) => {
    const error = classifySignalError(answer(400, { error: text }));

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.providerCode).toBe('400');
    expect(error?.message).toBe(`signal-cli-rest-api answered HTTP 400: ${text.replace(/\s+/g, ' ').trim()}`);
  });

  it('retries a network failure between signal-cli and Signal', () => {
    const error = classifySignalError(
      answer(400, {
        error: 'Failed to send (some) messages:\n+447700900123: Network failure for "+447700900123"\n',
      }),
    );

    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
  });

  it('waits a minute on a 400 that reports rate limiting', () => {
    const error = classifySignalError(answer(400, { error: 'Failed to send message due to rate limiting' }));

    expect(error?.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error?.retryAfterMs).toBe(DEFAULT_SIGNAL_RATE_LIMIT_WAIT_MS);
  });

  it('reads the wait of a 429 CAPTCHA challenge, capped', () => {
    const challenge = (seconds: number) => ({
      error: `Failed to send (some) messages:\n+447700900123: CAPTCHA proof required for sending to "+447700900123", available options "RECAPTCHA, PUSH_CHALLENGE" with challenge token "f3f5a3c2", or wait "${seconds}" seconds.\n. Use the attached challenge tokens to lift the rate limit restrictions via the '/v1/accounts/{number}/rate-limit-challenge' endpoint.`,
      challenge_tokens: ['f3f5a3c2'],
      account: '+4915100000001',
    });

    const short = classifySignalError(answer(429, challenge(120)));
    const long = classifySignalError(answer(429, challenge(86_400)));

    expect(short?.code).toBe(DeliveryErrorCode.RateLimited);
    expect(short?.providerCode).toBe('429');
    expect(short?.retryAfterMs).toBe(120_000);
    expect(long?.retryAfterMs).toBe(MAX_SIGNAL_RATE_LIMIT_WAIT_MS);
  });

  it('fails permanently when the proxy in front refuses the credentials', () => {
    const error = classifySignalError(answer(401, '401 Authorization Required'));

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.message).toBe('signal-cli-rest-api answered HTTP 401: 401 Authorization Required');
  });

  it('retries a 5xx', () => {
    expect(classifySignalError(answer(503, 'Service Unavailable'))?.code).toBe(DeliveryErrorCode.Retryable);
  });
});
