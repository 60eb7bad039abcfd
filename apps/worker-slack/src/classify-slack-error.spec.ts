import { DeliveryErrorCode, type HttpResponse } from '@herald/worker-kit';
import { SlackVia } from './build-slack-payload.js';
import { classifySlackError } from './classify-slack-error.js';

function webApi(status: number, body: unknown, headers: HttpResponse['headers'] = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return classifySlackError({ response: { status, headers, body: text } }, SlackVia.WebApi, 0);
}

function webhook(status: number, body: string, headers: HttpResponse['headers'] = {}) {
  return classifySlackError({ response: { status, headers, body } }, SlackVia.Webhook, 0);
}

describe('classifySlackError', () => {
  describe('Web API', () => {
    it('accepts {"ok": true}, warnings included', () => {
      const answer = {
        ok: true,
        channel: 'C123ABC456',
        ts: '1503435956.000247',
        warning: 'superfluous_charset',
      };

      expect(webApi(200, answer)).toBeNull();
    });

    it.each([
      'channel_not_found',
      'not_in_channel',
      'is_archived',
      'invalid_auth',
      'not_authed',
      'account_inactive',
      'token_revoked',
      'missing_scope',
      'msg_too_long',
      'no_text',
      'restricted_action',
      'ekm_access_denied',
      'some_code_slack_adds_later',
    ])('gives up on {"ok": false, "error": "%s"} in an HTTP 200', (code) => {
      const error = webApi(200, { ok: false, error: code });

      expect(error?.code).toBe(DeliveryErrorCode.Permanent);
      expect(error?.providerCode).toBe(code);
      expect(error?.message).toBe(`Slack answered ${code} (HTTP 200)`);
    });

    it.each(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'team_added_to_org'])(
      'retries {"ok": false, "error": "%s"}',
      (code) => {
        const error = webApi(200, { ok: false, error: code });

        expect(error?.code).toBe(DeliveryErrorCode.Retryable);
        expect(error?.providerCode).toBe(code);
      },
    );

    it('quotes what invalid_blocks says was wrong', () => {
      const answer = {
        ok: false,
        error: 'invalid_blocks',
        response_metadata: {
          messages: ['[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text]'],
        },
      };

      const error = webApi(200, answer);

      expect(error?.code).toBe(DeliveryErrorCode.Permanent);
      expect(error?.message).toBe(
        'Slack answered invalid_blocks: [ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text] (HTTP 200)',
      );
    });

    it('waits out HTTP 429 {"error": "ratelimited"} for its Retry-After', () => {
      const error = webApi(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '30' });

      expect(error?.code).toBe(DeliveryErrorCode.RateLimited);
      expect(error?.retryAfterMs).toBe(30_000);
      expect(error?.providerCode).toBe('ratelimited');
    });

    it("is rate limited by chat.postMessage's own rate_limited, a second by default", () => {
      const error = webApi(200, { ok: false, error: 'rate_limited' });

      expect(error?.code).toBe(DeliveryErrorCode.RateLimited);
      expect(error?.retryAfterMs).toBe(1000);
    });

    it('retries a 5xx without a Slack body, keeping the status as the code', () => {
      const error = webApi(503, '<html>Service Unavailable</html>');

      expect(error?.code).toBe(DeliveryErrorCode.Retryable);
      expect(error?.providerCode).toBe('503');
    });

    it('retries a 5xx whose body carries a permanent-looking code', () => {
      expect(webApi(502, { ok: false, error: 'channel_not_found' })?.code).toBe(DeliveryErrorCode.Retryable);
    });

    it('gives up on a 200 that is not a Slack answer: apiUrl points elsewhere', () => {
      const error = webApi(200, '<html>proxy login</html>');

      expect(error?.code).toBe(DeliveryErrorCode.Permanent);
      expect(error?.message).toMatch(/not a Slack Web API answer .*apiUrl/);
    });

    it('passes network errors to the shared rules', () => {
      const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });

      const error = classifySlackError({ error: refused }, SlackVia.WebApi);

      expect(error?.code).toBe(DeliveryErrorCode.Retryable);
      expect(error?.providerCode).toBe('ECONNREFUSED');
    });
  });

  describe('incoming webhook', () => {
    it('accepts the plain "ok"', () => {
      expect(webhook(200, 'ok')).toBeNull();
    });

    it.each([
      [400, 'invalid_payload'],
      [400, 'user_not_found'],
      [403, 'action_prohibited'],
      [404, 'channel_not_found'],
      [410, 'channel_is_archived'],
      [403, 'invalid_token'],
      [404, 'no_service'],
    ])('gives up on HTTP %i %s, keeping the code', (status, code) => {
      const error = webhook(status, code);

      expect(error?.code).toBe(DeliveryErrorCode.Permanent);
      expect(error?.providerCode).toBe(code);
      expect(error?.message).toBe(`Slack answered HTTP ${status}: ${code}`);
    });

    it('retries HTTP 500 rollup_error', () => {
      const error = webhook(500, 'rollup_error');

      expect(error?.code).toBe(DeliveryErrorCode.Retryable);
      expect(error?.providerCode).toBe('rollup_error');
    });

    it('waits out HTTP 429 for its Retry-After', () => {
      const error = webhook(429, 'rate_limited', { 'Retry-After': '5' });

      expect(error?.code).toBe(DeliveryErrorCode.RateLimited);
      expect(error?.retryAfterMs).toBe(5000);
      expect(error?.providerCode).toBe('rate_limited');
    });

    it('keeps the status as the code when the body is not a Slack code', () => {
      expect(webhook(502, '<html>Bad Gateway</html>')?.providerCode).toBe('502');
    });
  });
});
