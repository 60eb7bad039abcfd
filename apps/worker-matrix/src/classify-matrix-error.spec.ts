import { DeliveryErrorCode, type HttpResponse } from '@herald/worker-kit';
import { classifyMatrixError } from './classify-matrix-error.js';

function answer(status: number, body: unknown, headers: HttpResponse['headers'] = {}) {
  return {
    response: {
      status,
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    },
  };
}

// Bodies as the client-server API specifies them (spec.matrix.org, "Standard error response").
describe('classifyMatrixError', () => {
  it('accepts the event', () => {
    expect(classifyMatrixError(answer(200, { event_id: '$YUwRidLecu:example.com' }))).toBeNull();
  });

  it('waits out M_LIMIT_EXCEEDED for retry_after_ms when there is no Retry-After', () => {
    const error = classifyMatrixError(
      answer(429, { errcode: 'M_LIMIT_EXCEEDED', error: 'Too many requests', retry_after_ms: 2000 }),
    );

    expect(error?.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error?.retryAfterMs).toBe(2000);
    expect(error?.providerCode).toBe('M_LIMIT_EXCEEDED');
    expect(error?.message).toBe(
      'Matrix answered HTTP 429: {"errcode":"M_LIMIT_EXCEEDED","error":"Too many requests","retry_after_ms":2000}',
    );
  });

  it('prefers the Retry-After header, as Matrix 1.10 asks', () => {
    const error = classifyMatrixError(
      answer(
        429,
        { errcode: 'M_LIMIT_EXCEEDED', error: 'Too many requests', retry_after_ms: 2000 },
        { 'retry-after': '5' },
      ),
    );

    expect(error?.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error?.retryAfterMs).toBe(5000);
  });

  it('waits one second on a 429 that says nothing of how long', () => {
    const error = classifyMatrixError(
      answer(429, { errcode: 'M_LIMIT_EXCEEDED', error: 'Too many requests' }),
    );

    expect(error?.retryAfterMs).toBe(1000);
  });

  it.each([
    [
      401,
      'M_UNKNOWN_TOKEN',
      { errcode: 'M_UNKNOWN_TOKEN', error: 'Invalid access token passed.', soft_logout: false },
    ],
    [401, 'M_MISSING_TOKEN', { errcode: 'M_MISSING_TOKEN', error: 'Missing access token' }],
    [
      403,
      'M_FORBIDDEN',
      { errcode: 'M_FORBIDDEN', error: 'User @bot:example.org not in room !ops:example.org' },
    ],
    [404, 'M_NOT_FOUND', { errcode: 'M_NOT_FOUND', error: 'Unknown room' }],
    [413, 'M_TOO_LARGE', { errcode: 'M_TOO_LARGE', error: 'event too large' }],
  ])('gives up on HTTP %i %s', (status, errcode, body) => {
    const error = classifyMatrixError(answer(status, body));

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.providerCode).toBe(errcode);
    expect(error?.message).toContain(`Matrix answered HTTP ${status}: {"errcode":"${errcode}"`);
  });

  it('retries a homeserver over its resource limits', () => {
    const error = classifyMatrixError(
      answer(403, {
        errcode: 'M_RESOURCE_LIMIT_EXCEEDED',
        error: 'Monthly active user limit exceeded',
        admin_contact: 'mailto:admin@example.org',
        limit_type: 'monthly_active_user',
      }),
    );

    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
    expect(error?.providerCode).toBe('M_RESOURCE_LIMIT_EXCEEDED');
  });

  it.each([
    [500, { errcode: 'M_UNKNOWN', error: 'Internal server error' }, 'M_UNKNOWN'],
    [502, '<html>Bad Gateway</html>', '502'],
  ])('retries HTTP %i', (status, body, providerCode) => {
    const error = classifyMatrixError(answer(status, body));

    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
    expect(error?.providerCode).toBe(providerCode);
  });

  it('retries a refused connection', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8008'), { code: 'ECONNREFUSED' });

    const error = classifyMatrixError({ error: refused });

    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
    expect(error?.providerCode).toBe('ECONNREFUSED');
  });
});
