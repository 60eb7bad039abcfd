import { ChannelName, type SignalConfigDto } from '@herald/contracts';
import { HttpCatcher, type CaughtRequest, type ScriptedAnswer } from '@herald/testing';
import { DeliveryErrorCode } from '@herald/worker-kit';
import { failureOf, outboundDelivery, outboundNotifier } from '@herald/worker-kit/testing';
import { SignalAdapter } from './signal.adapter.js';

const SENDER = '+4915100000001';
const ADA = '+447700900123';
const OPS_GROUP = 'group.cWZ5T0N3RGtPR0RqU3hZQ1lJVG9GZz09';
const PROXY_AUTH = `Basic ${Buffer.from('herald:proxy-pass').toString('base64')}`;

function json(status: number, body: object): ScriptedAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  };
}

/**
 * signal-cli-rest-api behind a basic-auth proxy, as documented: `POST /v2/send`, 201 with the
 * timestamp, and signal-cli's own words in a 400 for anyone Signal does not know.
 */
function fakeSignalApi(request: CaughtRequest): ScriptedAnswer {
  if (request.headers.authorization !== PROXY_AUTH)
    return { status: 401, body: '401 Authorization Required' };
  if (request.method !== 'POST' || request.path !== '/v2/send')
    return { status: 404, body: '404 page not found' };
  const { number, recipients } = JSON.parse(request.body) as { number: string; recipients: string[] };
  if (number !== SENDER) return json(400, { error: `User ${number} is not registered.\n` });
  const unknown = recipients.filter((recipient) => ![ADA, OPS_GROUP].includes(recipient));
  if (unknown.length > 0) {
    const lines = unknown.map((recipient) => `${recipient}: Unregistered user "${recipient}"`).join('\n');
    return json(400, { error: `Failed to send (some) messages:\n${lines}\n1767323045123\n` });
  }
  return json(201, { timestamp: '1767323045123' });
}

let catcher: HttpCatcher;
let adapter: SignalAdapter;

async function startSignalApi(
  respond: (request: CaughtRequest, count: number) => ScriptedAnswer = fakeSignalApi,
) {
  catcher = new HttpCatcher(respond);
  await catcher.start();
}

function notifier(overrides: Partial<SignalConfigDto> = {}) {
  const config: SignalConfigDto = {
    serverUrl: catcher.url(''),
    number: SENDER,
    recipients: [OPS_GROUP],
    username: 'herald',
    password: 'proxy-pass',
    ...overrides,
  };
  return outboundNotifier(ChannelName.Signal, config);
}

beforeEach(() => {
  adapter = new SignalAdapter();
});

afterEach(async () => {
  await adapter.close();
  await catcher.stop();
});

describe('SignalAdapter against a fake signal-cli REST API', () => {
  it('posts styled text to /v2/send for the user phone and returns the timestamp', async () => {
    await startSignalApi();

    const result = await adapter.send(
      outboundDelivery({ address: ADA }),
      notifier(),
      new AbortController().signal,
    );

    expect(result).toEqual({ providerCode: '201', providerMessageId: '1767323045123' });
    expect(catcher.requests).toHaveLength(1);
    const [request] = catcher.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v2/send');
    expect(request.headers.authorization).toBe(PROXY_AUTH);
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({
      message:
        '**Job deploy web failed**\n\nThe job **deploy web** failed. Open job (https://ci.example.com/jobs/42)',
      number: SENDER,
      recipients: [ADA],
      text_mode: 'styled',
    });
  });

  it('sends a notifier target to its group', async () => {
    await startSignalApi();

    await adapter.send(outboundDelivery({ user: null }), notifier(), new AbortController().signal);

    expect(JSON.parse(catcher.requests[0].body).recipients).toEqual([OPS_GROUP]);
  });

  it('fails permanently for a recipient Signal does not know', async () => {
    await startSignalApi();

    const error = await failureOf(
      adapter.send(outboundDelivery({ address: '+447700900999' }), notifier(), new AbortController().signal),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('400');
    expect(error.message).toMatch(/Unregistered user "\+447700900999"/);
  });

  it('fails permanently when the sender number is not registered', async () => {
    await startSignalApi();

    const error = await failureOf(
      adapter.send(
        outboundDelivery({ address: ADA }),
        notifier({ number: '+4915100000002' }),
        new AbortController().signal,
      ),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toMatch(/User \+4915100000002 is not registered/);
  });

  it('fails permanently when the proxy refuses the credentials', async () => {
    await startSignalApi();

    const error = await failureOf(
      adapter.send(
        outboundDelivery({ address: ADA }),
        notifier({ password: 'wrong' }),
        new AbortController().signal,
      ),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('401');
  });

  it('is rate limited for the wait Signal names', async () => {
    await startSignalApi(() =>
      json(429, {
        error: `Failed to send (some) messages:\n${ADA}: CAPTCHA proof required for sending to "${ADA}", available options "RECAPTCHA" with challenge token "f3f5a3c2", or wait "90" seconds.`,
        challenge_tokens: ['f3f5a3c2'],
        account: SENDER,
      }),
    );

    const error = await failureOf(
      adapter.send(outboundDelivery({ address: ADA }), notifier(), new AbortController().signal),
    );

    expect(error.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error.providerCode).toBe('429');
    expect(error.retryAfterMs).toBe(90_000);
  });

  it('retries when signal-cli could not reach Signal', async () => {
    await startSignalApi(() =>
      json(400, { error: `Failed to send (some) messages:\n${ADA}: Network failure for "${ADA}"\n` }),
    );

    const error = await failureOf(
      adapter.send(outboundDelivery({ address: ADA }), notifier(), new AbortController().signal),
    );

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
  });

  it('fails permanently, without a request, on recipients mixing a group and a phone', async () => {
    await startSignalApi();

    const error = await failureOf(
      adapter.send(
        outboundDelivery({ user: null }),
        notifier({ recipients: [OPS_GROUP, ADA] }),
        new AbortController().signal,
      ),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toContain('config.recipients');
    expect(catcher.requests).toHaveLength(0);
  });
});
