import { DeliveryErrorCode } from '@herald/worker-kit';
import { classifyGrafanaError } from './classify-grafana-error.js';

const JSON_HEADERS = { 'content-type': 'application/json' };

function answer(status: number, body: string, headers: Record<string, string> = JSON_HEADERS) {
  return classifyGrafanaError({ response: { status, headers, body } });
}

describe('classifyGrafanaError', () => {
  it('accepts Grafana’s "Annotation added"', () => {
    expect(answer(200, '{"message":"Annotation added","id":1}')).toBeNull();
  });

  it('fails for good on a 2xx that is not Grafana’s answer', () => {
    const error = answer(200, '<!doctype html><title>Sign in</title>', { 'content-type': 'text/html' });

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.providerCode).toBe('200');
    expect(error?.message).toMatch(/without an annotation id/);
  });

  it.each([
    [400, 'bad request data'],
    [401, 'Unauthorized'],
    [403, 'You are not allowed to create annotations'],
    [404, 'Dashboard not found'],
  ])('gives up on HTTP %i, quoting Grafana’s message', (status, message) => {
    const error = answer(status, JSON.stringify({ message }));

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.providerCode).toBe(String(status));
    expect(error?.message).toBe(`Grafana answered HTTP ${status}: ${message}`);
  });

  it('retries a 500', () => {
    const error = answer(500, '{"message":"Failed to save annotation"}');

    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
    expect(error?.message).toBe('Grafana answered HTTP 500: Failed to save annotation');
  });

  it('waits out a 429 from a proxy for its Retry-After', () => {
    const error = answer(429, '{"message":"Too many requests"}', { 'retry-after': '4' });

    expect(error?.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error?.retryAfterMs).toBe(4000);
  });

  it('retries a refused connection', () => {
    const error = classifyGrafanaError({
      error: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    });

    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
    expect(error?.providerCode).toBe('ECONNREFUSED');
  });
});
