import { DeliveryErrorCode } from '@herald/worker-kit';
import { RATE_LIMIT_BODY, RATE_LIMIT_HEADERS } from '../test/discord-answers.js';
import { classifyDiscordError } from './classify-discord-error.js';

const JSON_TYPE = { 'content-type': 'application/json' };

function answer(status: number, body: unknown, headers: Record<string, string> = JSON_TYPE) {
  return { response: { status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) } };
}

describe('classifyDiscordError', () => {
  it('accepts the created message', () => {
    expect(classifyDiscordError(answer(200, { id: '1100000000000000001', type: 0 }))).toBeNull();
  });

  it("waits for the body's fractional retry_after rather than the rounded header", () => {
    const error = classifyDiscordError(answer(429, RATE_LIMIT_BODY, RATE_LIMIT_HEADERS));

    expect(error?.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error?.providerCode).toBe('429');
    expect(error?.retryAfterMs).toBe(640);
    expect(error?.message).toBe('Discord answered HTTP 429: You are being rate limited.');
  });

  it('says when the limit is the global one', () => {
    const error = classifyDiscordError(
      answer(
        429,
        { message: 'You are being rate limited.', retry_after: 2.5, global: true },
        { 'retry-after': '3' },
      ),
    );

    expect(error?.retryAfterMs).toBe(2500);
    expect(error?.message).toBe('Discord answered HTTP 429: You are being rate limited.; global rate limit');
  });

  it('falls back to Retry-After for a 429 without a JSON body (a Cloudflare ban)', () => {
    const error = classifyDiscordError(answer(429, '<html>error 1015</html>', { 'retry-after': '30' }));

    expect(error?.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error?.retryAfterMs).toBe(30_000);
  });

  it('names the offending fields of an Invalid Form Body', () => {
    const error = classifyDiscordError(
      answer(400, {
        code: 50035,
        message: 'Invalid Form Body',
        errors: {
          embeds: {
            '0': {
              description: {
                _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 4096 or fewer in length.' }],
              },
            },
          },
          username: {
            _errors: [{ code: 'USERNAME_INVALID_CONTAINS', message: 'Username cannot contain "discord"' }],
          },
        },
      }),
    );

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.providerCode).toBe('400');
    expect(error?.message).toBe(
      'Discord answered HTTP 400: Invalid Form Body (code 50035); embeds.0.description: Must be 4096 or fewer in length.; username: Username cannot contain "discord"',
    );
  });

  it.each([
    [404, { message: 'Unknown Webhook', code: 10015 }],
    [401, { message: 'Invalid Webhook Token', code: 50027 }],
  ])('gives up on a deleted or reset webhook (%i)', (status, body) => {
    const error = classifyDiscordError(answer(status, body));

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.providerCode).toBe(String(status));
    expect(error?.message).toBe(
      `Discord answered HTTP ${status}: ${body.message} (code ${body.code}); the webhook was deleted or its token reset: update the notifier webhookUrl`,
    );
  });

  it('retries a 5xx, quoting a body that is not JSON as it is', () => {
    const error = classifyDiscordError(answer(502, 'upstream connect error', {}));

    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
    expect(error?.message).toBe('Discord answered HTTP 502: upstream connect error');
  });
});
