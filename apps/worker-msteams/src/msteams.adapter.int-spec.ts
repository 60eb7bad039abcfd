import { ChannelName } from '@herald/contracts';
import { HttpCatcher, type ScriptedAnswer } from '@herald/testing';
import { DeliveryErrorCode } from '@herald/worker-kit';
import { failureOf, openSignal, outboundDelivery, outboundNotifier } from '@herald/worker-kit/testing';
import { buildMsTeamsPayload } from './build-msteams-payload.js';
import { MsTeamsAdapter } from './msteams.adapter.js';

const WORKFLOW_PATH = '/workflows/4f1c/triggers/manual/paths/invoke?api-version=1&sig=s3cr3t';
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

let catcher: HttpCatcher;
let adapter: MsTeamsAdapter;

/** A Workflows trigger answering each request with `answer`. */
async function workflow(answer: ScriptedAnswer): Promise<void> {
  catcher = new HttpCatcher(() => answer);
  await catcher.start();
}

function notifier(webhookUrl = catcher.url(WORKFLOW_PATH)) {
  return outboundNotifier(ChannelName.MsTeams, { webhookUrl });
}

beforeEach(() => {
  adapter = new MsTeamsAdapter();
});

afterEach(async () => {
  await adapter.close();
  await catcher.stop();
});

describe('MsTeamsAdapter against a fake Teams Workflows trigger', () => {
  it('POSTs the Adaptive Card message and takes the 202 as sent', async () => {
    await workflow({ status: 202 });
    const delivery = outboundDelivery({ channel: ChannelName.MsTeams, user: null });

    const result = await adapter.send(delivery, notifier(), openSignal());

    expect(result).toEqual({ providerCode: '202' });
    expect(catcher.requests).toHaveLength(1);
    const [request] = catcher.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(WORKFLOW_PATH);
    expect(request.headers['content-type']).toBe('application/json');
    const expected = buildMsTeamsPayload(delivery, { webhookUrl: catcher.url(WORKFLOW_PATH) }).body;
    expect(JSON.parse(request.body)).toEqual(expected);
    expect(JSON.parse(request.body).attachments[0].content.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open job', url: 'https://ci.example.com/jobs/42' },
    ]);
  });

  it('fails for good when the flow rejects the body', async () => {
    await workflow({
      status: 400,
      headers: JSON_HEADERS,
      body: JSON.stringify({
        error: {
          code: 'InvalidRequestContent',
          message: 'The request content is not valid and could not be deserialized.',
        },
      }),
    });

    const error = await failureOf(adapter.send(outboundDelivery(), notifier(), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('400');
    expect(error.message).toContain('InvalidRequestContent');
  });

  it('fails for good, with a hint and without leaking the URL, when the flow is gone', async () => {
    await workflow({
      status: 404,
      headers: JSON_HEADERS,
      body: JSON.stringify({
        error: { code: 'WorkflowNotFound', message: "The workflow '4f1c' could not be found." },
      }),
    });

    const error = await failureOf(adapter.send(outboundDelivery(), notifier(), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toMatch(/WorkflowNotFound.*update the notifier webhookUrl/);
    expect(error.message).not.toContain('s3cr3t');
  });

  it('is rate limited for as long as Retry-After says', async () => {
    await workflow({
      status: 429,
      headers: { ...JSON_HEADERS, 'retry-after': '3' },
      body: JSON.stringify({
        error: { code: 'WorkflowRequestsThrottled', message: 'Rate limit is exceeded.' },
      }),
    });

    const error = await failureOf(adapter.send(outboundDelivery(), notifier(), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error.providerCode).toBe('429');
    expect(error.retryAfterMs).toBe(3000);
  });

  it('retries a 503', async () => {
    await workflow({ status: 503, body: 'Service Unavailable' });

    const error = await failureOf(adapter.send(outboundDelivery(), notifier(), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.providerCode).toBe('503');
  });

  it('gives up with a retryable dispatch timeout when aborted', async () => {
    await workflow({ status: 202, delayMs: 2_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);

    const error = await failureOf(adapter.send(outboundDelivery(), notifier(), controller.signal));

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.message).toMatch(/^dispatch timeout/);
  });

  it('fails permanently, without a request, on an invalid config', async () => {
    await workflow({ status: 202 });

    const error = await failureOf(adapter.send(outboundDelivery(), notifier('not a url'), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toContain('config.webhookUrl');
    expect(catcher.requests).toHaveLength(0);
  });
});
