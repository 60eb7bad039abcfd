import { DeliveryError, DeliveryErrorCode } from '@herald/worker-kit';
import { redactBotToken, withoutBotToken } from './redact-bot-token.js';

const BOT_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

describe('redactBotToken', () => {
  it('replaces the token wherever it appears, and any bot<token> path', () => {
    const text = `GET https://api.telegram.org/bot${BOT_TOKEN}/sendMessage and ${BOT_TOKEN} and bot42:other-Token_x`;

    expect(redactBotToken(text, BOT_TOKEN)).toBe(
      'GET https://api.telegram.org/bot***/sendMessage and *** and bot***',
    );
  });
});

describe('withoutBotToken', () => {
  it('keeps the code, provider code and wait, and drops the cause', () => {
    const cause = new Error(`connect ECONNREFUSED for /bot${BOT_TOKEN}/sendMessage`);
    const error = DeliveryError.rateLimited(`redirect to /bot${BOT_TOKEN}/x`, {
      providerCode: '429',
      retryAfterMs: 3000,
      cause,
    });

    const redacted = withoutBotToken(error, BOT_TOKEN);

    expect(redacted).toMatchObject({
      code: DeliveryErrorCode.RateLimited,
      message: 'redirect to /bot***/x',
      providerCode: '429',
      retryAfterMs: 3000,
    });
    expect(redacted.cause).toBeUndefined();
  });

  it('turns anything else thrown into a retryable error without the token', () => {
    const redacted = withoutBotToken(new TypeError(`bad ${BOT_TOKEN}`), BOT_TOKEN);

    expect(redacted.code).toBe(DeliveryErrorCode.Retryable);
    expect(redacted.message).toBe('bad ***');
  });
});
