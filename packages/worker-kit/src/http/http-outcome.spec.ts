import { DeliveryError, DeliveryErrorCode } from '../delivery-error.js';
import {
  classifyHttpOutcome,
  DEFAULT_RETRY_AFTER_MS,
  type HttpOutcome,
  type HttpResponse,
  retryAfterMsOf,
} from './http-outcome.js';

function classifyWebhookError(outcome: { error: unknown }, now?: number): DeliveryError;
function classifyWebhookError(outcome: HttpOutcome, now?: number): DeliveryError | null;
function classifyWebhookError(outcome: HttpOutcome, now?: number): DeliveryError | null {
  return classifyHttpOutcome(outcome, { service: 'webhook', now });
}

const { Retryable, RateLimited, Permanent } = DeliveryErrorCode;
const NOW = Date.parse('2026-01-02T03:04:05.000Z');

function answered(status: number, headers: HttpResponse['headers'] = {}, body = ''): DeliveryError | null {
  return classifyWebhookError({ response: { status, headers, body } }, NOW);
}

function failedWith(code: string | undefined, message = 'failed'): DeliveryError {
  const error = code ? Object.assign(new Error(message), { code }) : new Error(message);
  return classifyWebhookError({ error });
}

describe('classifyWebhookError', () => {
  describe('responses', () => {
    it.each([200, 201, 202, 204, 299])('accepts %i', (status) => {
      expect(answered(status)).toBeNull();
    });

    it.each([
      [408, Retryable],
      [425, Retryable],
      [500, Retryable],
      [502, Retryable],
      [503, Retryable],
      [504, Retryable],
      [400, Permanent],
      [401, Permanent],
      [403, Permanent],
      [404, Permanent],
      [410, Permanent],
      [413, Permanent],
      [422, Permanent],
    ])('classifies %i as %s', (status, expected) => {
      const error = answered(status);

      expect(error?.code).toBe(expected);
      expect(error?.providerCode).toBe(String(status));
    });

    it('quotes the start of the response body', () => {
      const error = answered(500, {}, '{"error":\n  "database is down"}');

      expect(error?.message).toBe('webhook answered HTTP 500: {"error": "database is down"}');
    });

    it('keeps the quoted body under 500 characters', () => {
      const error = answered(400, {}, 'x'.repeat(5000));
      const excerpt = error?.message.replace('webhook answered HTTP 400: ', '') ?? '';

      expect(excerpt).toHaveLength(500);
      expect(excerpt.endsWith('…')).toBe(true);
    });

    it('does not follow a redirect, and says where it pointed', () => {
      const error = answered(301, { location: 'https://new.example.com/hook' });

      expect(error?.code).toBe(Permanent);
      expect(error?.providerCode).toBe('301');
      expect(error?.message).toContain('https://new.example.com/hook');
    });
  });

  describe('429', () => {
    it.each([
      ['whole seconds', { 'retry-after': '2' }, 2000],
      ['zero seconds', { 'retry-after': '0' }, 0],
      ['a header name in any case', { 'Retry-After': '7' }, 7000],
      ['a repeated header', { 'retry-after': ['3', '9'] }, 3000],
      ['an HTTP date', { 'retry-after': 'Fri, 02 Jan 2026 03:04:35 GMT' }, 30_000],
      ['an HTTP date already past', { 'retry-after': 'Thu, 01 Jan 2026 00:00:00 GMT' }, 0],
      ['no header', {}, DEFAULT_RETRY_AFTER_MS],
      ['an unreadable header', { 'retry-after': 'soon' }, DEFAULT_RETRY_AFTER_MS],
    ])('is rate limited for the time Retry-After gives as %s', (_case, headers, retryAfterMs) => {
      const error = answered(429, headers, 'slow down');

      expect(error?.code).toBe(RateLimited);
      expect(error?.providerCode).toBe('429');
      expect(error?.retryAfterMs).toBe(retryAfterMs);
      expect(error?.message).toBe('webhook answered HTTP 429: slow down');
    });

    it('reads fractional seconds generously', () => {
      expect(retryAfterMsOf('1.5', NOW)).toBe(1500);
    });
  });

  describe('errors before a response', () => {
    it.each([
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'EPIPE',
      'ENOTFOUND',
      'EAI_AGAIN',
      'EHOSTUNREACH',
      'UND_ERR_CONNECT_TIMEOUT',
      'UND_ERR_HEADERS_TIMEOUT',
      'UND_ERR_BODY_TIMEOUT',
      'UND_ERR_SOCKET',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
    ])('retries %s', (code) => {
      const error = failedWith(code, `connect ${code} 127.0.0.1:9`);

      expect(error.code).toBe(Retryable);
      expect(error.providerCode).toBe(code);
      expect(error.message).toBe(`connect ${code} 127.0.0.1:9`);
    });

    it.each(['ERR_INVALID_URL', 'UND_ERR_INVALID_ARG', 'UND_ERR_NOT_SUPPORTED', 'ERR_INVALID_ARG_TYPE'])(
      'gives up on %s',
      (code) => {
        const error = failedWith(code, 'Invalid URL');

        expect(error.code).toBe(Permanent);
        expect(error.providerCode).toBe(code);
        expect(error.message).toBe(`${code} Invalid URL`);
      },
    );

    it('finds the code of an error wrapped by a fetch-style client', () => {
      const socketError = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
        code: 'ECONNREFUSED',
      });

      const error = classifyWebhookError({ error: new TypeError('fetch failed', { cause: socketError }) });

      expect(error.code).toBe(Retryable);
      expect(error.providerCode).toBe('ECONNREFUSED');
    });

    it.each([
      ['an undici abort', Object.assign(new Error('Request aborted'), { code: 'UND_ERR_ABORTED' })],
      ['a DOM abort', new DOMException('This operation was aborted', 'AbortError')],
    ])('reports %s as a retryable dispatch timeout', (_case, aborted) => {
      const error = classifyWebhookError({ error: aborted });

      expect(error.code).toBe(Retryable);
      expect(error.message).toMatch(/^dispatch timeout/);
    });

    it('retries an error it does not recognise', () => {
      const error = failedWith(undefined, 'other side hung up');

      expect(error.code).toBe(Retryable);
      expect(error.providerCode).toBeUndefined();
      expect(error.message).toBe('other side hung up');
    });

    it('passes a DeliveryError through unchanged', () => {
      const original = DeliveryError.permanent('invalid webhook url');

      expect(classifyWebhookError({ error: original })).toBe(original);
    });
  });
});
