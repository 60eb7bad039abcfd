import { DeliveryErrorCode } from '@herald/worker-kit';
import { classifyGotifyError } from './classify-gotify-error.js';

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return { response: { status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) } };
}

// Bodies as Gotify's API writes them (model.Error).
describe('classifyGotifyError', () => {
  it('accepts the created message', () => {
    const created = { id: 25, appid: 5, message: 'x', title: 't', priority: 5, date: '2026-01-02T03:04:06Z' };

    expect(classifyGotifyError(answer(200, created))).toBeNull();
  });

  it('fails permanently on a bad app token, quoting Gotify description', () => {
    const body = {
      error: 'Unauthorized',
      errorCode: 401,
      errorDescription: 'you need to provide a valid access token or user credentials to access this api',
    };

    const error = classifyGotifyError(answer(401, body));

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.providerCode).toBe('401');
    expect(error?.message).toBe(
      'Gotify answered HTTP 401 Unauthorized: you need to provide a valid access token or user credentials to access this api',
    );
  });

  it('fails permanently on a refused message', () => {
    const body = { error: 'Bad Request', errorCode: 400, errorDescription: "Field 'message' is required" };

    expect(classifyGotifyError(answer(400, body))?.code).toBe(DeliveryErrorCode.Permanent);
  });

  it('retries a 5xx, and a proxy page in front of a Gotify that is down', () => {
    const body = { error: 'Internal Server Error', errorCode: 500, errorDescription: 'database is locked' };

    expect(classifyGotifyError(answer(500, body))?.code).toBe(DeliveryErrorCode.Retryable);
    expect(classifyGotifyError(answer(502, '<html>502 Bad Gateway</html>'))?.message).toBe(
      'Gotify answered HTTP 502: <html>502 Bad Gateway</html>',
    );
  });

  it('is rate limited when a proxy in front answers 429', () => {
    const error = classifyGotifyError(answer(429, 'Too Many Requests', { 'retry-after': '3' }));

    expect(error?.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error?.retryAfterMs).toBe(3000);
  });
});
