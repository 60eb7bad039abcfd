import { DeliveryErrorCode } from '@herald/worker-kit';
import { classifyMsTeamsError } from './classify-msteams-error.js';

function answer(status: number, body = '', headers: Record<string, string> = {}) {
  return { response: { status, headers, body } };
}

describe('classifyMsTeamsError', () => {
  it('accepts the 202 a workflow answers, and the 200 "1" of a legacy connector', () => {
    expect(classifyMsTeamsError(answer(202))).toBeNull();
    expect(classifyMsTeamsError(answer(200, '1'))).toBeNull();
  });

  it('names the workflow error of a 400', () => {
    const body = JSON.stringify({
      error: {
        code: 'TriggerInputSchemaMismatch',
        message: "The input body for trigger 'manual' of type 'Request' did not match its schema definition.",
      },
    });

    const error = classifyMsTeamsError(answer(400, body));

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.providerCode).toBe('400');
    expect(error?.message).toBe(
      "Microsoft Teams answered HTTP 400: TriggerInputSchemaMismatch: The input body for trigger 'manual' of type 'Request' did not match its schema definition.",
    );
  });

  it.each([401, 403, 404])('tells to replace the URL on %i', (status) => {
    const body = JSON.stringify({
      error: {
        code: 'DirectApiAuthorizationRequired',
        message: 'The request must be authenticated only by Shared Access scheme.',
      },
    });

    const error = classifyMsTeamsError(answer(status, body));

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.message).toMatch(
      /^Microsoft Teams answered HTTP \d{3}: DirectApiAuthorizationRequired: .*update the notifier webhookUrl$/,
    );
  });

  it('waits out a throttled flow for its Retry-After', () => {
    const body = JSON.stringify({
      error: { code: 'WorkflowRequestsThrottled', message: 'Rate limit is exceeded.' },
    });

    const error = classifyMsTeamsError(answer(429, body, { 'Retry-After': '12' }));

    expect(error?.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error?.retryAfterMs).toBe(12_000);
    expect(error?.message).toBe(
      'Microsoft Teams answered HTTP 429: WorkflowRequestsThrottled: Rate limit is exceeded.',
    );
  });

  it('retries a 502 with a plain-text body, quoting it', () => {
    const error = classifyMsTeamsError(answer(502, 'Bad Gateway'));

    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
    expect(error?.message).toBe('Microsoft Teams answered HTTP 502: Bad Gateway');
  });

  it('reads the failure a legacy connector reports inside a 200', () => {
    const body =
      'Microsoft Teams endpoint returned HTTP error 429 with ContextId tcid=0,server=msgapi-canary-eus2-0,cv=x.';

    const error = classifyMsTeamsError(answer(200, body));

    expect(error?.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error?.providerCode).toBe('429');
  });

  it('retries a refused connection', () => {
    const error = classifyMsTeamsError({
      error: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    });

    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
    expect(error?.providerCode).toBe('ECONNREFUSED');
  });
});
