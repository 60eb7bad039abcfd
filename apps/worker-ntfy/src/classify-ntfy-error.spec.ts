import { DeliveryErrorCode } from '@herald/worker-kit';
import { classifyNtfyError } from './classify-ntfy-error.js';

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return { response: { status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) } };
}

// Bodies as ntfy's server/errors.go writes them.
describe('classifyNtfyError', () => {
  it('accepts the published message', () => {
    const published = { id: 'sPs71M8A2T', time: 1767323045, event: 'message', topic: 'alerts', message: 'x' };

    expect(classifyNtfyError(answer(200, published))).toBeNull();
  });

  it('fails permanently when the topic is forbidden, naming ntfy code and docs link', () => {
    const body = {
      code: 40301,
      http: 403,
      error: 'forbidden',
      link: 'https://ntfy.sh/docs/publish/#authentication',
    };

    const error = classifyNtfyError(answer(403, body));

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.providerCode).toBe('40301');
    expect(error?.message).toBe(
      'ntfy answered HTTP 403 (40301): forbidden, see https://ntfy.sh/docs/publish/#authentication',
    );
  });

  it('fails permanently on bad credentials and on invalid actions', () => {
    const unauthorized = {
      code: 40101,
      http: 401,
      error: 'unauthorized',
      link: 'https://ntfy.sh/docs/publish/#authentication',
    };
    const badActions = { code: 40018, http: 400, error: 'invalid request: actions invalid' };

    expect(classifyNtfyError(answer(401, unauthorized))?.code).toBe(DeliveryErrorCode.Permanent);
    expect(classifyNtfyError(answer(400, badActions))?.providerCode).toBe('40018');
  });

  it('is rate limited on 42901, for as long as Retry-After says when there is one', () => {
    const body = {
      code: 42901,
      http: 429,
      error: 'limit reached: too many requests, please be nice',
      link: 'https://ntfy.sh/docs/publish/#limitations',
    };

    const plain = classifyNtfyError(answer(429, body));
    const told = classifyNtfyError(answer(429, body, { 'Retry-After': '10' }));

    expect(plain?.code).toBe(DeliveryErrorCode.RateLimited);
    expect(plain?.providerCode).toBe('42901');
    expect(plain?.retryAfterMs).toBe(1000);
    expect(told?.retryAfterMs).toBe(10_000);
  });

  it('retries the daily message quota with backoff instead of pausing the channel', () => {
    const body = {
      code: 42908,
      http: 429,
      error: 'limit reached: too many messages',
      link: 'https://ntfy.sh/docs/publish/#limitations',
    };

    const error = classifyNtfyError(answer(429, body));

    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
    expect(error?.providerCode).toBe('42908');
  });

  it('retries a 5xx, JSON or not', () => {
    const internal = { code: 50001, http: 500, error: 'internal server error' };

    expect(classifyNtfyError(answer(500, internal))?.code).toBe(DeliveryErrorCode.Retryable);
    expect(classifyNtfyError(answer(502, '<html>Bad Gateway</html>'))?.message).toBe(
      'ntfy answered HTTP 502: <html>Bad Gateway</html>',
    );
  });
});
