import { ChannelName, type GotifyConfigDto } from '@herald/contracts';
import { HttpCatcher, type CaughtRequest, type ScriptedAnswer } from '@herald/testing';
import { DeliveryErrorCode } from '@herald/worker-kit';
import { failureOf, outboundDelivery, outboundNotifier } from '@herald/worker-kit/testing';
import { GotifyAdapter } from './gotify.adapter.js';

const APP_TOKEN = 'AZ7vPn0.xxYq-3b';

function json(status: number, body: object): ScriptedAnswer {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** Gotify as documented: `POST /message` with `X-Gotify-Key`, the created message echoed back. */
function fakeGotify(request: CaughtRequest): ScriptedAnswer {
  if (request.method !== 'POST' || request.path !== '/gotify/message') {
    return json(404, { error: 'Not Found', errorCode: 404, errorDescription: 'page not found' });
  }
  if (request.headers['x-gotify-key'] !== APP_TOKEN) {
    return json(401, {
      error: 'Unauthorized',
      errorCode: 401,
      errorDescription: 'you need to provide a valid access token or user credentials to access this api',
    });
  }
  const message = JSON.parse(request.body) as { message?: string };
  if (!message.message) {
    return json(400, {
      error: 'Bad Request',
      errorCode: 400,
      errorDescription: "Field 'message' is required",
    });
  }
  return json(200, { id: 25, appid: 5, date: '2026-01-02T03:04:06.125Z', ...message });
}

let catcher: HttpCatcher;
let adapter: GotifyAdapter;

async function startGotify(respond: (request: CaughtRequest, count: number) => ScriptedAnswer = fakeGotify) {
  catcher = new HttpCatcher(respond);
  await catcher.start();
}

function notifier(overrides: Partial<GotifyConfigDto> = {}) {
  const config: GotifyConfigDto = { serverUrl: catcher.url('/gotify'), appToken: APP_TOKEN, ...overrides };
  return outboundNotifier(ChannelName.Gotify, config);
}

beforeEach(() => {
  adapter = new GotifyAdapter();
});

afterEach(async () => {
  await adapter.close();
  await catcher.stop();
});

describe('GotifyAdapter against a fake Gotify server', () => {
  it('posts the Markdown message with the app token header and returns the message id', async () => {
    await startGotify();

    const result = await adapter.send(
      outboundDelivery({ user: null }),
      notifier({ priority: 7 }),
      new AbortController().signal,
    );

    expect(result).toEqual({ providerCode: '200', providerMessageId: '25' });
    expect(catcher.requests).toHaveLength(1);
    const [request] = catcher.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/gotify/message');
    expect(request.headers['x-gotify-key']).toBe(APP_TOKEN);
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({
      title: 'Job deploy web failed',
      message: 'The job **deploy web** failed. [Open job](https://ci.example.com/jobs/42)',
      priority: 7,
      extras: {
        'client::display': { contentType: 'text/markdown' },
        'client::notification': { click: { url: 'https://ci.example.com/jobs/42' } },
      },
    });
  });

  it('fails permanently on a wrong app token', async () => {
    await startGotify();

    const error = await failureOf(
      adapter.send(outboundDelivery(), notifier({ appToken: 'revoked' }), new AbortController().signal),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('401');
    expect(error.message).toMatch(
      /^Gotify answered HTTP 401 Unauthorized: you need to provide a valid access token/,
    );
  });

  it('fails permanently when the server URL points elsewhere', async () => {
    await startGotify();

    const error = await failureOf(
      adapter.send(
        outboundDelivery(),
        notifier({ serverUrl: catcher.url('/other') }),
        new AbortController().signal,
      ),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('404');
  });

  it('retries when Gotify answers 500', async () => {
    await startGotify(() =>
      json(500, { error: 'Internal Server Error', errorCode: 500, errorDescription: 'database is locked' }),
    );

    const error = await failureOf(adapter.send(outboundDelivery(), notifier(), new AbortController().signal));

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.message).toBe('Gotify answered HTTP 500 Internal Server Error: database is locked');
  });

  it('retries when the server is not listening', async () => {
    await startGotify();
    const unreachable = notifier();
    await catcher.stop();

    const error = await failureOf(
      adapter.send(outboundDelivery(), unreachable, new AbortController().signal),
    );

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.providerCode).toBe('ECONNREFUSED');
  });

  it('fails permanently, without a request, on a priority out of range', async () => {
    await startGotify();

    const error = await failureOf(
      adapter.send(outboundDelivery(), notifier({ priority: 11 }), new AbortController().signal),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toContain('config.priority');
    expect(catcher.requests).toHaveLength(0);
  });
});
