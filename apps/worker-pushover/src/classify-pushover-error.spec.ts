import { DeliveryErrorCode, type HttpResponse } from '@herald/worker-kit';
import { classifyPushoverError, MAX_QUOTA_WAIT_MS } from './classify-pushover-error.js';

const NOW = Date.parse('2026-01-20T12:00:00Z');

function answer(status: number, body: unknown, headers: HttpResponse['headers'] = {}) {
  return { response: { status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) } };
}

// Pushover's documented answers (pushover.net/api#response) with its limit headers.
const LIMIT_HEADERS = { 'x-limit-app-limit': '10000', 'x-limit-app-remaining': '7496' };

describe('classifyPushoverError', () => {
  it('accepts status 1', () => {
    const outcome = answer(
      200,
      { status: 1, request: '647d2300-702c-4b38-8b2f-d56326ae460b' },
      LIMIT_HEADERS,
    );

    expect(classifyPushoverError(outcome, NOW)).toBeNull();
  });

  it('fails permanently on an invalid user key, quoting Pushover errors and request id', () => {
    const outcome = answer(400, {
      user: 'invalid',
      errors: ['user identifier is invalid'],
      status: 0,
      request: '5042853c-402d-4a18-abcb-168734a801de',
    });

    const error = classifyPushoverError(outcome, NOW);

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.providerCode).toBe('400');
    expect(error?.message).toBe(
      'Pushover answered HTTP 400: user identifier is invalid (request 5042853c-402d-4a18-abcb-168734a801de)',
    );
  });

  it('fails permanently on a bad application token', () => {
    const outcome = answer(400, {
      token: 'invalid',
      errors: ['application token is invalid'],
      status: 0,
      request: 'e460545a-8e5b-4b2a-a4d6-1f5f0e3c2b1a',
    });

    expect(classifyPushoverError(outcome, NOW)?.code).toBe(DeliveryErrorCode.Permanent);
  });

  it('treats a 2xx that says status 0 as a refusal', () => {
    const error = classifyPushoverError(answer(200, { status: 0, errors: ['message cannot be blank'] }), NOW);

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.message).toBe('Pushover answered HTTP 200: message cannot be blank');
  });

  it('waits for the quota reset on 429, capped so one app cannot hold the channel for weeks', () => {
    const soon = answer(
      429,
      { status: 0, errors: ['application over quota'], request: 'r1' },
      {
        ...LIMIT_HEADERS,
        'x-limit-app-remaining': '0',
        'x-limit-app-reset': String(NOW / 1000 + 120),
      },
    );
    const nextMonth = answer(
      429,
      { status: 0, errors: ['application over quota'], request: 'r2' },
      {
        'x-limit-app-reset': String(NOW / 1000 + 12 * 86_400),
      },
    );

    const shortWait = classifyPushoverError(soon, NOW);
    const longWait = classifyPushoverError(nextMonth, NOW);

    expect(shortWait?.code).toBe(DeliveryErrorCode.RateLimited);
    expect(shortWait?.providerCode).toBe('429');
    expect(shortWait?.retryAfterMs).toBe(120_000);
    expect(shortWait?.message).toBe('Pushover answered HTTP 429: application over quota (request r1)');
    expect(longWait?.retryAfterMs).toBe(MAX_QUOTA_WAIT_MS);
  });

  it('prefers Retry-After over the quota reset', () => {
    const outcome = answer(
      429,
      { status: 0, errors: ['slow down'] },
      {
        'retry-after': '5',
        'x-limit-app-reset': String(NOW / 1000 + 3600),
      },
    );

    expect(classifyPushoverError(outcome, NOW)?.retryAfterMs).toBe(5000);
  });

  it('retries a 5xx, even one answering with an HTML page', () => {
    const error = classifyPushoverError(answer(503, '<html>Service Unavailable</html>'), NOW);

    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
    expect(error?.message).toBe('Pushover answered HTTP 503: <html>Service Unavailable</html>');
  });

  it('retries when the connection was reset', () => {
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });

    const error = classifyPushoverError({ error: reset }, NOW);

    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
    expect(error?.providerCode).toBe('ECONNRESET');
  });
});
