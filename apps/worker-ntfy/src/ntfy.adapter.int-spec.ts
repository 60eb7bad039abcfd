import { ChannelName, type NtfyConfigDto } from '@herald/contracts';
import { HttpCatcher, type CaughtRequest, type ScriptedAnswer } from '@herald/testing';
import { DeliveryErrorCode } from '@herald/worker-kit';
import { failureOf, outboundDelivery, outboundNotifier } from '@herald/worker-kit/testing';
import { NtfyAdapter } from './ntfy.adapter.js';

const AUTH_LINK = 'https://ntfy.sh/docs/publish/#authentication';

function json(status: number, body: object, headers: Record<string, string> = {}): ScriptedAnswer {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/**
 * ntfy as documented: a JSON publish to the root URL, `protected_topic` readable only with the
 * token `tk_ops`, errors as `{code, http, error, link}`, the published message echoed back.
 */
function fakeNtfy(request: CaughtRequest): ScriptedAnswer {
  let message: { topic?: string };
  try {
    message = JSON.parse(request.body) as { topic?: string };
  } catch {
    return json(400, { code: 40017, http: 400, error: 'invalid request: request body must be message JSON' });
  }
  if (request.path !== '/' || request.method !== 'POST')
    return json(404, { code: 40401, http: 404, error: 'page not found' });
  const authorization = request.headers.authorization;
  if (authorization !== undefined && authorization !== 'Bearer tk_ops') {
    return json(401, { code: 40101, http: 401, error: 'unauthorized', link: AUTH_LINK });
  }
  if (message.topic === 'protected_topic' && authorization === undefined) {
    return json(403, { code: 40301, http: 403, error: 'forbidden', link: AUTH_LINK });
  }
  return json(200, { id: 'hwQ2YpKdmg', time: 1767323046, expires: 1767366246, event: 'message', ...message });
}

let catcher: HttpCatcher;
let adapter: NtfyAdapter;

async function startNtfy(respond: (request: CaughtRequest, count: number) => ScriptedAnswer = fakeNtfy) {
  catcher = new HttpCatcher(respond);
  await catcher.start();
}

function notifier(overrides: Partial<NtfyConfigDto> = {}) {
  const config: NtfyConfigDto = {
    serverUrl: catcher.url(''),
    topic: 'protected_topic',
    token: 'tk_ops',
    ...overrides,
  };
  return outboundNotifier(ChannelName.Ntfy, config);
}

beforeEach(() => {
  adapter = new NtfyAdapter();
});

afterEach(async () => {
  await adapter.close();
  await catcher.stop();
});

describe('NtfyAdapter against a fake ntfy server', () => {
  it('publishes the JSON message to the root URL with the bearer token', async () => {
    await startNtfy();

    const result = await adapter.send(
      outboundDelivery(),
      notifier({ priority: 4, tags: ['warning'] }),
      new AbortController().signal,
    );

    expect(result).toEqual({ providerCode: '200', providerMessageId: 'hwQ2YpKdmg' });
    expect(catcher.requests).toHaveLength(1);
    const [request] = catcher.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers.authorization).toBe('Bearer tk_ops');
    expect(JSON.parse(request.body)).toEqual({
      topic: 'protected_topic',
      title: 'Job deploy web failed',
      message: 'The job **deploy web** failed. [Open job](https://ci.example.com/jobs/42)',
      markdown: true,
      priority: 4,
      tags: ['warning'],
      click: 'https://ci.example.com/jobs/42',
      actions: [{ action: 'view', label: 'Open job', url: 'https://ci.example.com/jobs/42' }],
    });
  });

  it('sends a user-targeted delivery to the notifier topic as well', async () => {
    await startNtfy();

    await adapter.send(
      outboundDelivery({ address: 'ignored' }),
      notifier({ topic: 'open_topic', token: undefined }),
      new AbortController().signal,
    );

    expect(JSON.parse(catcher.requests[0].body).topic).toBe('open_topic');
    expect(catcher.requests[0].headers.authorization).toBeUndefined();
  });

  it('fails permanently when the topic needs credentials it was not given', async () => {
    await startNtfy();

    const error = await failureOf(
      adapter.send(outboundDelivery(), notifier({ token: undefined }), new AbortController().signal),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('40301');
    expect(error.message).toBe(`ntfy answered HTTP 403 (40301): forbidden, see ${AUTH_LINK}`);
  });

  it('fails permanently on a wrong token', async () => {
    await startNtfy();

    const error = await failureOf(
      adapter.send(outboundDelivery(), notifier({ token: 'tk_revoked' }), new AbortController().signal),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('40101');
  });

  it('is rate limited when ntfy says too many requests', async () => {
    await startNtfy(() =>
      json(429, {
        code: 42901,
        http: 429,
        error: 'limit reached: too many requests, please be nice',
        link: 'https://ntfy.sh/docs/publish/#limitations',
      }),
    );

    const error = await failureOf(adapter.send(outboundDelivery(), notifier(), new AbortController().signal));

    expect(error.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error.providerCode).toBe('42901');
    expect(error.retryAfterMs).toBe(1000);
  });

  it('retries an internal server error', async () => {
    await startNtfy(() => json(500, { code: 50001, http: 500, error: 'internal server error' }));

    const error = await failureOf(adapter.send(outboundDelivery(), notifier(), new AbortController().signal));

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.providerCode).toBe('50001');
  });

  it('fails permanently, without a request, on an invalid topic', async () => {
    await startNtfy();

    const error = await failureOf(
      adapter.send(
        outboundDelivery(),
        notifier({ topic: 'no spaces/allowed' }),
        new AbortController().signal,
      ),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toContain('config.topic');
    expect(catcher.requests).toHaveLength(0);
  });
});
