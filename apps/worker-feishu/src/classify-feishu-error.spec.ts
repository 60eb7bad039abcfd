import { DeliveryErrorCode, type HttpResponse } from '@herald/worker-kit';
import { classifyFeishuError } from './classify-feishu-error.js';

function answer(status: number, body: unknown, headers: HttpResponse['headers'] = {}) {
  return {
    response: {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    },
  };
}

// Bodies and headers as open.feishu.cn documents them (custom bot guide, "Send message",
// "Rate limits", "Server-side error codes").
describe('classifyFeishuError', () => {
  it.each([
    ['a custom bot', { code: 0, data: {}, msg: 'success' }],
    ['an older custom bot', { Extra: null, StatusCode: 0, StatusMessage: 'success' }],
    [
      'the message API',
      { code: 0, msg: 'success', data: { message_id: 'om_dc13264520392913993dd051dba21dcf' } },
    ],
  ])('accepts code 0 from %s', (_case, body) => {
    expect(classifyFeishuError(answer(200, body))).toBeNull();
  });

  it.each([
    [19021, 'sign match fail or timestamp is not within one hour from current time'],
    [19024, 'Key Words Not Found'],
    [9499, 'Bad Request'],
    [230002, 'Bot/User can NOT be out of the chat.'],
    [230013, 'Bot has NO availability to this user.'],
  ])('gives up on code %i in an HTTP 200', (code, msg) => {
    const error = classifyFeishuError(answer(200, { code, data: {}, msg }));

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.providerCode).toBe(String(code));
    expect(error?.message).toBe(`Feishu answered HTTP 200 code ${code}: ${msg}`);
  });

  it('gives up on an HTTP 400 with a code, quoting it', () => {
    const error = classifyFeishuError(
      answer(400, {
        code: 230001,
        msg: 'Your request contains an invalid request parameter, ext=invalid receive_id.',
      }),
    );

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.providerCode).toBe('230001');
    expect(error?.message).toContain('code 230001: Your request contains an invalid request parameter');
  });

  it('waits out frequency control for x-ogw-ratelimit-reset seconds (HTTP 429)', () => {
    const error = classifyFeishuError(
      answer(
        429,
        { code: 99991400, msg: 'request trigger frequency limit' },
        {
          'x-ogw-ratelimit-limit': '100',
          'x-ogw-ratelimit-reset': '52',
        },
      ),
    );

    expect(error?.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error?.retryAfterMs).toBe(52_000);
    expect(error?.providerCode).toBe('99991400');
  });

  it('knows the older APIs answer frequency control with HTTP 400', () => {
    const error = classifyFeishuError(
      answer(
        400,
        { code: 99991400, msg: 'request trigger frequency limit' },
        { 'x-ogw-ratelimit-reset': '3' },
      ),
    );

    expect(error?.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error?.retryAfterMs).toBe(3000);
  });

  it.each([
    [11232, 'frequency limited psm[lark.oapi.app_platform_runtime]appID[1231]'],
    [230020, 'This operation triggers the frequency limit.'],
  ])('is rate limited on code %i in an HTTP 200, one second when no header says', (code, msg) => {
    const error = classifyFeishuError(answer(200, { code, data: {}, msg }));

    expect(error?.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error?.retryAfterMs).toBe(1000);
    expect(error?.providerCode).toBe(String(code));
  });

  it('waits for a plain Retry-After on a bare 429', () => {
    const error = classifyFeishuError(answer(429, 'Too Many Requests', { 'retry-after': '7' }));

    expect(error?.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error?.retryAfterMs).toBe(7000);
    expect(error?.providerCode).toBe('429');
  });

  it.each([99991663, 99991661])(
    'retries an invalid tenant token (code %i): a fresh one may cure it',
    (code) => {
      const error = classifyFeishuError(
        answer(400, { code, msg: 'Invalid access token for authorization.' }),
      );

      expect(error?.code).toBe(DeliveryErrorCode.Retryable);
      expect(error?.providerCode).toBe(String(code));
    },
  );

  it('gives up on a wrong app secret at the token endpoint', () => {
    const error = classifyFeishuError(answer(200, { code: 10014, msg: 'app secret invalid' }));

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.providerCode).toBe('10014');
  });

  it.each([
    [500, { code: 1500, msg: 'internal error' }, '1500'],
    [503, '<html>503 Service Temporarily Unavailable</html>', '503'],
  ])('retries HTTP %i', (status, body, providerCode) => {
    const error = classifyFeishuError(answer(status, body));

    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
    expect(error?.providerCode).toBe(providerCode);
  });

  it('gives up on a 200 that is not Feishu JSON (a proxy page, a wrong URL)', () => {
    const error = classifyFeishuError(answer(200, '<html>Welcome</html>'));

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.message).toBe('Feishu answered HTTP 200 without a Feishu JSON body');
  });

  it('retries a reset connection', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

    const error = classifyFeishuError({ error: reset });

    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
    expect(error?.providerCode).toBe('ECONNRESET');
  });
});
