import { ChannelName, type PushoverConfigDto } from '@herald/contracts';
import { HttpCatcher, type CaughtRequest, type ScriptedAnswer } from '@herald/testing';
import { DeliveryErrorCode } from '@herald/worker-kit';
import { failureOf, outboundDelivery, outboundNotifier } from '@herald/worker-kit/testing';
import { PushoverAdapter } from './pushover.adapter.js';

const TOKEN = 'azGDORePK8gMaC0QOYAMyEEuzJnyUi';
const ADA_KEY = 'gznej3rKEVAvPUxu9vvNnqpmZpokzF';
const OPS_GROUP_KEY = 'uQiRzpo4DXghDmr9QzzfQu27cmVRsG';
const RESET = 1_780_000_000;

/** Pushover as its API documents it: form fields in, JSON `{status, request}` out, limit headers. */
function fakePushover(request: CaughtRequest): ScriptedAnswer {
  const form = new URLSearchParams(request.body);
  const id = `req-${form.get('user')}`;
  const limits = {
    'x-limit-app-limit': '10000',
    'x-limit-app-remaining': '9999',
    'x-limit-app-reset': String(RESET),
  };
  const json = (status: number, body: object): ScriptedAnswer => ({
    status,
    headers: { 'content-type': 'application/json', ...limits },
    body: JSON.stringify(body),
  });
  if (request.path !== '/1/messages.json') return { status: 404, body: 'not found' };
  if (form.get('token') !== TOKEN) {
    return json(400, { token: 'invalid', errors: ['application token is invalid'], status: 0, request: id });
  }
  if (![ADA_KEY, OPS_GROUP_KEY].includes(form.get('user') ?? '')) {
    return json(400, { user: 'invalid', errors: ['user identifier is invalid'], status: 0, request: id });
  }
  return json(200, { status: 1, request: id });
}

let catcher: HttpCatcher;
let adapter: PushoverAdapter;

async function startPushover(
  respond: (request: CaughtRequest, count: number) => ScriptedAnswer = fakePushover,
) {
  catcher = new HttpCatcher(respond);
  await catcher.start();
}

function notifier(overrides: Partial<PushoverConfigDto> = {}) {
  const config: PushoverConfigDto = {
    token: TOKEN,
    userKey: OPS_GROUP_KEY,
    apiUrl: catcher.url(''),
    ...overrides,
  };
  return outboundNotifier(ChannelName.Pushover, config);
}

beforeEach(() => {
  adapter = new PushoverAdapter();
});

afterEach(async () => {
  await adapter.close();
  await catcher.stop();
});

describe('PushoverAdapter against a fake Pushover API', () => {
  it('posts the form to /1/messages.json for the user and returns the request id', async () => {
    await startPushover();

    const result = await adapter.send(
      outboundDelivery({ address: ADA_KEY }),
      notifier({ priority: 1 }),
      new AbortController().signal,
    );

    expect(result).toEqual({ providerCode: '200', providerMessageId: `req-${ADA_KEY}` });
    expect(catcher.requests).toHaveLength(1);
    const [request] = catcher.requests;
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      token: TOKEN,
      user: ADA_KEY,
      message: 'The job <b>deploy web</b> failed. <a href="https://ci.example.com/jobs/42">Open job</a>',
      html: '1',
      title: 'Job deploy web failed',
      timestamp: '1767323045',
      url: 'https://ci.example.com/jobs/42',
      url_title: 'Open job',
      priority: '1',
    });
  });

  it('sends a notifier target to its group key', async () => {
    await startPushover();

    await adapter.send(outboundDelivery({ user: null }), notifier(), new AbortController().signal);

    expect(new URLSearchParams(catcher.requests[0].body).get('user')).toBe(OPS_GROUP_KEY);
  });

  it('fails permanently when Pushover refuses the user key', async () => {
    await startPushover();

    const error = await failureOf(
      adapter.send(
        outboundDelivery({ address: 'unknownUserKey000000000000000' }),
        notifier(),
        new AbortController().signal,
      ),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('400');
    expect(error.message).toBe(
      'Pushover answered HTTP 400: user identifier is invalid (request req-unknownUserKey000000000000000)',
    );
  });

  it('fails permanently when the application token is wrong', async () => {
    await startPushover();

    const error = await failureOf(
      adapter.send(
        outboundDelivery({ address: ADA_KEY }),
        notifier({ token: 'wrongToken' }),
        new AbortController().signal,
      ),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toMatch(/application token is invalid/);
  });

  it('is rate limited until the quota resets when the app is over quota', async () => {
    const reset = Math.floor(Date.now() / 1000) + 60;
    await startPushover(() => ({
      status: 429,
      headers: {
        'content-type': 'application/json',
        'x-limit-app-remaining': '0',
        'x-limit-app-reset': String(reset),
      },
      body: JSON.stringify({
        status: 0,
        errors: ['application has exceeded its message limit'],
        request: 'r-429',
      }),
    }));

    const error = await failureOf(
      adapter.send(outboundDelivery({ address: ADA_KEY }), notifier(), new AbortController().signal),
    );

    expect(error.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error.providerCode).toBe('429');
    expect(error.retryAfterMs).toBeGreaterThan(55_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('retries when Pushover answers 500', async () => {
    await startPushover(() => ({ status: 500, body: 'Internal Server Error' }));

    const error = await failureOf(
      adapter.send(outboundDelivery({ address: ADA_KEY }), notifier(), new AbortController().signal),
    );

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.providerCode).toBe('500');
  });

  it('gives up with a retryable dispatch timeout when aborted', async () => {
    await startPushover(() => ({ status: 200, body: '{"status":1}', delayMs: 5_000 }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);

    const error = await failureOf(
      adapter.send(outboundDelivery({ address: ADA_KEY }), notifier(), controller.signal),
    );

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.message).toMatch(/^dispatch timeout/);
  });

  it('fails permanently, without a request, on emergency priority without retry and expire', async () => {
    await startPushover();

    const error = await failureOf(
      adapter.send(
        outboundDelivery({ address: ADA_KEY }),
        notifier({ priority: 2 }),
        new AbortController().signal,
      ),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toContain('config.retry');
    expect(catcher.requests).toHaveLength(0);
  });
});
