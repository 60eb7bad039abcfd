import { DeliveryErrorCode, type HttpResponse } from '@herald/worker-kit';
import { classifyRocketChatError } from './classify-rocketchat-error.js';

const NOW = Date.parse('2026-01-02T03:04:05.000Z');

function classify(status: number, body: unknown, headers: HttpResponse['headers'] = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return classifyRocketChatError({ response: { status, headers, body: text } }, NOW);
}

const TOO_MANY =
  'Error, too many requests. Please slow down. You must wait 23 seconds before trying this endpoint again. [error-too-many-requests]';

describe('classifyRocketChatError', () => {
  it('accepts {"success": true}', () => {
    expect(classify(200, { success: true })).toBeNull();
  });

  it.each([
    [400, 'invalid-channel'],
    [400, 'overriding destination channel is disabled for this integration'],
    [404, 'Invalid integration id or token provided.'],
    [400, 'error-running-script'],
  ])('gives up on HTTP %i {"success": false, "error": %p}', (status, reason) => {
    const error = classify(status, { success: false, error: reason });

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.message).toBe(`Rocket.Chat answered HTTP ${status}: ${reason}`);
  });

  it('names a one-word error as the provider code, and a sentence by the status', () => {
    expect(classify(400, { success: false, error: 'invalid-channel' })?.providerCode).toBe('invalid-channel');
    expect(
      classify(404, { success: false, error: 'Invalid integration id or token provided.' })?.providerCode,
    ).toBe('404');
  });

  it('retries the 503 of a disabled integration, which an admin may turn back on', () => {
    const error = classify(503, { success: false, error: 'Service Unavailable' });

    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
  });

  it('gives up on a 2xx that says success: false', () => {
    const error = classify(200, { success: false, error: 'unknown-error' });

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.providerCode).toBe('unknown-error');
  });

  describe('rate limit (429, no Retry-After)', () => {
    const headers = {
      'x-ratelimit-limit': '10',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(NOW + 22_437),
    };

    it('waits details.timeToReset', () => {
      const answer = {
        success: false,
        error: TOO_MANY,
        errorType: 'error-too-many-requests',
        details: { timeToReset: 22_437, seconds: 23 },
      };

      const error = classify(429, answer, headers);

      expect(error?.code).toBe(DeliveryErrorCode.RateLimited);
      expect(error?.retryAfterMs).toBe(22_437);
      expect(error?.providerCode).toBe('error-too-many-requests');
    });

    it('else the seconds its message names', () => {
      expect(classify(429, { success: false, error: TOO_MANY })?.retryAfterMs).toBe(23_000);
    });

    it('else X-RateLimit-Reset, an epoch time in ms', () => {
      expect(classify(429, 'Too Many Requests', headers)?.retryAfterMs).toBe(22_437);
    });

    it('and Retry-After first, when a proxy in front sets one', () => {
      const error = classify(429, { success: false, error: TOO_MANY }, { ...headers, 'Retry-After': '5' });

      expect(error?.retryAfterMs).toBe(5000);
    });
  });

  it('keeps the status and body excerpt when the body is not Rocket.Chat JSON', () => {
    const error = classify(502, '<html>Bad Gateway</html>');

    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
    expect(error?.providerCode).toBe('502');
    expect(error?.message).toBe('Rocket.Chat answered HTTP 502: <html>Bad Gateway</html>');
  });
});
