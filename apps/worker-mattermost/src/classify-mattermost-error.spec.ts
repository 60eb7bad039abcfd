import { DeliveryErrorCode, type HttpResponse } from '@herald/worker-kit';
import { classifyMattermostError } from './classify-mattermost-error.js';

function classify(status: number, body: unknown, headers: HttpResponse['headers'] = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return classifyMattermostError({ response: { status, headers, body: text } }, 0);
}

/** An AppError as Mattermost serialises it. */
function appError(id: string, message: string, status: number) {
  return { id, message, detailed_error: '', request_id: 'qe3eyht563d1b8xani3g93dgfh', status_code: status };
}

describe('classifyMattermostError', () => {
  it('accepts the 200 "ok"', () => {
    expect(classify(200, 'ok', { 'content-type': 'text/plain' })).toBeNull();
  });

  it.each([
    [400, 'web.incoming_webhook.invalid.app_error', 'Invalid webhook.'],
    [400, 'web.incoming_webhook.text.app_error', 'No text specified.'],
    [400, 'web.incoming_webhook.user.app_error', "Couldn't find the user."],
    [
      403,
      'web.incoming_webhook.channel_locked.app_error',
      'This webhook is not permitted to post to the requested channel.',
    ],
    [403, 'web.incoming_webhook.permissions.app_error', 'Inappropriate channel permissions.'],
    [404, 'web.incoming_webhook.channel.app_error', "Couldn't find the channel."],
  ])('gives up on HTTP %i %s', (status, id, text) => {
    const error = classify(status, appError(id, text, status));

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.providerCode).toBe(id);
    expect(error?.message).toBe(`Mattermost answered HTTP ${status}: ${id}: ${text}`);
  });

  it('gives up on HTTP 501 when incoming webhooks are disabled, although it is a 5xx', () => {
    const id = 'web.incoming_webhook.disabled.app_error';

    const error = classify(
      501,
      appError(id, 'Incoming webhooks have been disabled by the system admin.', 501),
    );

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.providerCode).toBe(id);
  });

  it('retries a 500 AppError and quotes its detailed error', () => {
    const answer = {
      ...appError('web.incoming_webhook.channel.app_error', "Couldn't find the channel.", 500),
      detailed_error: 'pq: connection refused',
    };

    const error = classify(500, answer);

    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
    expect(error?.message).toBe(
      "Mattermost answered HTTP 500: web.incoming_webhook.channel.app_error: Couldn't find the channel.: pq: connection refused",
    );
  });

  it('waits out the rate limiter\'s 429 "limit exceeded" for its Retry-After', () => {
    const headers = {
      'x-ratelimit-limit': '10',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '1',
      'retry-after': '3',
    };

    const error = classify(429, 'limit exceeded\n', headers);

    expect(error?.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error?.retryAfterMs).toBe(3000);
    expect(error?.providerCode).toBe('429');
  });

  it('falls back to X-Ratelimit-Reset, in seconds, when a proxy dropped Retry-After', () => {
    const headers = { 'X-Ratelimit-Limit': '10', 'X-Ratelimit-Remaining': '0', 'X-Ratelimit-Reset': '4' };

    expect(classify(429, 'limit exceeded\n', headers)?.retryAfterMs).toBe(4000);
  });

  it('keeps the status as the code when the body is not an AppError', () => {
    const error = classify(502, '<html>Bad Gateway</html>');

    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
    expect(error?.providerCode).toBe('502');
  });
});
