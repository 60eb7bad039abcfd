import { DeliveryErrorCode } from '@herald/worker-kit';
import { classifyTelegramError } from './classify-telegram-error.js';

const JSON_TYPE = { 'content-type': 'application/json' };

function answer(status: number, body: unknown, headers: Record<string, string> = JSON_TYPE) {
  return { response: { status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) } };
}

describe('classifyTelegramError', () => {
  it('accepts ok: true', () => {
    const sent = {
      ok: true,
      result: { message_id: 17, chat: { id: 42, type: 'private' }, date: 1767323045, text: 'x' },
    };

    expect(classifyTelegramError(answer(200, sent))).toBeNull();
  });

  it('is rate limited for parameters.retry_after', () => {
    const error = classifyTelegramError(
      answer(429, {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 35',
        parameters: { retry_after: 35 },
      }),
    );

    expect(error?.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error?.retryAfterMs).toBe(35_000);
    expect(error?.providerCode).toBe('429');
    expect(error?.message).toBe('Telegram answered 429: Too Many Requests: retry after 35');
  });

  it('prefers the body wait to a Retry-After a proxy added', () => {
    const error = classifyTelegramError(
      answer(
        429,
        {
          ok: false,
          error_code: 429,
          description: 'Too Many Requests: retry after 5',
          parameters: { retry_after: 5 },
        },
        { ...JSON_TYPE, 'retry-after': '1' },
      ),
    );

    expect(error?.retryAfterMs).toBe(5000);
  });

  it.each([
    [400, 'Bad Request: chat not found'],
    [403, 'Forbidden: bot was blocked by the user'],
    [403, 'Forbidden: bot was kicked from the supergroup chat'],
    [400, 'Bad Request: can\'t parse entities: Unsupported start tag "span" at byte offset 3'],
  ])('fails for good on %i %s', (status, description) => {
    const error = classifyTelegramError(answer(status, { ok: false, error_code: status, description }));

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.providerCode).toBe(String(status));
    expect(error?.message).toBe(`Telegram answered ${status}: ${description}`);
  });

  it('fails for good on a revoked token, pointing at it', () => {
    const error = classifyTelegramError(
      answer(401, { ok: false, error_code: 401, description: 'Unauthorized' }),
    );

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.message).toBe('Telegram answered 401: Unauthorized; check the notifier botToken');
  });

  it('names the new chat id of a group upgraded to a supergroup', () => {
    const error = classifyTelegramError(
      answer(400, {
        ok: false,
        error_code: 400,
        description: 'Bad Request: group chat was upgraded to a supergroup chat',
        parameters: { migrate_to_chat_id: -1001987654321 },
      }),
    );

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.message).toMatch(/the group is now the supergroup -1001987654321: update the chat id$/);
  });

  it.each([500, 502])('retries a %i', (status) => {
    const error = classifyTelegramError(
      answer(status, { ok: false, error_code: status, description: 'Internal Server Error' }),
    );

    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
    expect(error?.retryAfterMs).toBeUndefined();
  });

  it('retries an error page from a proxy in front of the Bot API', () => {
    const error = classifyTelegramError(answer(504, '<html>Gateway Time-out</html>', {}));

    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
    expect(error?.message).toBe('Telegram answered HTTP 504: <html>Gateway Time-out</html>');
  });

  it('reads ok: false even in a 200', () => {
    const error = classifyTelegramError(
      answer(200, { ok: false, error_code: 400, description: 'Bad Request: message text is empty' }),
    );

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.providerCode).toBe('400');
  });

  it('fails for good on a 200 that is not the Bot API', () => {
    const error = classifyTelegramError(answer(200, '<html>Welcome to nginx!</html>', {}));

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.message).toMatch(/check the notifier apiUrl$/);
  });
});
