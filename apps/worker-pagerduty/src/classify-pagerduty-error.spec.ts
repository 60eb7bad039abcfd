import { DeliveryErrorCode } from '@herald/worker-kit';
import { classifyPagerDutyError, PAGERDUTY_RATE_LIMIT_WAIT_MS } from './classify-pagerduty-error.js';

const JSON_HEADERS = { 'content-type': 'application/json' };

describe('classifyPagerDutyError', () => {
  it('accepts the documented 202', () => {
    const body = '{"status":"success","message":"Event processed","dedup_key":"srv01/HTTP"}';
    expect(classifyPagerDutyError({ response: { status: 202, headers: JSON_HEADERS, body } })).toBeNull();
  });

  it('gives up on an invalid event and says why PagerDuty rejected it', () => {
    const body = JSON.stringify({
      status: 'invalid event',
      message: 'Event object is invalid',
      errors: [
        "'payload.severity' is invalid (must be one of the following: 'critical', 'warning', 'error' or 'info')",
      ],
    });

    const error = classifyPagerDutyError({ response: { status: 400, headers: JSON_HEADERS, body } });

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.providerCode).toBe('400');
    expect(error?.message).toBe(
      "PagerDuty answered HTTP 400: invalid event: Event object is invalid ('payload.severity' is invalid " +
        "(must be one of the following: 'critical', 'warning', 'error' or 'info'))",
    );
  });

  it('keeps the raw excerpt of a 4xx that is not PagerDuty JSON', () => {
    const error = classifyPagerDutyError({ response: { status: 404, headers: {}, body: 'Not Found' } });

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.message).toBe('PagerDuty answered HTTP 404: Not Found');
  });

  it('backs off 30 s on a 429, which PagerDuty sends without Retry-After', () => {
    const error = classifyPagerDutyError({
      response: { status: 429, headers: {}, body: '429 - Request Limit Exceeded' },
    });

    expect(error?.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error?.providerCode).toBe('429');
    expect(error?.retryAfterMs).toBe(PAGERDUTY_RATE_LIMIT_WAIT_MS);
    expect(PAGERDUTY_RATE_LIMIT_WAIT_MS).toBe(30_000);
  });

  it('honours a Retry-After when a proxy in front of PagerDuty sends one', () => {
    const error = classifyPagerDutyError({
      response: { status: 429, headers: { 'Retry-After': '5' }, body: '' },
    });

    expect(error?.retryAfterMs).toBe(5000);
  });

  it.each([500, 502, 503])('retries HTTP %i', (status) => {
    const error = classifyPagerDutyError({
      response: { status, headers: {}, body: 'Internal Server Error' },
    });

    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
    expect(error?.providerCode).toBe(String(status));
  });

  it('retries a network error', () => {
    const error = classifyPagerDutyError({
      error: Object.assign(new Error('connect ECONNRESET'), { code: 'ECONNRESET' }),
    });

    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
    expect(error?.providerCode).toBe('ECONNRESET');
  });
});
