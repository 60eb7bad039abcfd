import { DeliveryErrorCode } from '@herald/worker-kit';
import { classifyWebhookError } from './classify-webhook-error.js';

// The rules themselves are specified in worker-kit's http-outcome.spec.ts; this pins what a
// webhook receiver's answers come to.
describe('classifyWebhookError', () => {
  it('accepts any 2xx', () => {
    expect(classifyWebhookError({ response: { status: 204, headers: {}, body: '' } })).toBeNull();
  });

  it('names the webhook and keeps the body excerpt', () => {
    const error = classifyWebhookError({ response: { status: 503, headers: {}, body: 'busy' } });
    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
    expect(error?.message).toBe('webhook answered HTTP 503: busy');
  });

  it('waits out a 429 for its Retry-After', () => {
    const error = classifyWebhookError({
      response: { status: 429, headers: { 'Retry-After': '7' }, body: '' },
    });
    expect(error?.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error?.retryAfterMs).toBe(7000);
  });

  it('gives up on a 404', () => {
    const error = classifyWebhookError({ response: { status: 404, headers: {}, body: 'no such hook' } });
    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
  });
});
