import { ChannelName, type SlackConfigDto } from '@herald/contracts';
import { type CaughtRequest, HttpCatcher, type ScriptedAnswer } from '@herald/testing';
import { DeliveryErrorCode, type OutboundDelivery } from '@herald/worker-kit';
import { failureOf, outboundDelivery, outboundNotifier } from '@herald/worker-kit/testing';
import { SlackAdapter } from './slack.adapter.js';

const TOKEN = 'xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy';
const TS = '1503435956.000247';

function json(status: number, body: unknown, headers: Record<string, string> = {}): ScriptedAnswer {
  return {
    status,
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  };
}

/** Slack as its docs describe it: the Web API answers JSON, mostly HTTP 200; webhooks answer text. */
function fakeSlack(request: CaughtRequest): ScriptedAnswer {
  if (request.path.startsWith('/services/')) {
    const hook = request.path.split('/').at(-1);
    if (hook === 'archived') return { status: 410, body: 'channel_is_archived' };
    if (hook === 'busy') return { status: 429, body: 'rate_limited', headers: { 'retry-after': '7' } };
    return { status: 200, body: 'ok' };
  }
  if (request.headers.authorization !== `Bearer ${TOKEN}`)
    return json(200, { ok: false, error: 'invalid_auth' });
  const { channel } = JSON.parse(request.body) as { channel: string };
  switch (channel) {
    case '#archived':
      return json(200, { ok: false, error: 'is_archived' });
    case '#busy':
      return json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '30' });
    case '#flaky':
      return json(200, { ok: false, error: 'internal_error' });
    case 'U024BE7LH':
      return json(200, { ok: true, channel: 'D024BE91L', ts: TS });
    default:
      return json(200, {
        ok: true,
        channel: channel.replace('#', 'C_'),
        ts: TS,
        message: { type: 'message' },
      });
  }
}

let slack: HttpCatcher;
let adapter: SlackAdapter;
const signal = new AbortController().signal;

beforeEach(async () => {
  slack = new HttpCatcher(fakeSlack);
  await slack.start();
  adapter = new SlackAdapter();
});

afterEach(async () => {
  await adapter.close();
  await slack.stop();
});

function botConfig(overrides: Partial<SlackConfigDto> = {}): SlackConfigDto {
  return { botToken: TOKEN, channels: ['#ops'], apiUrl: slack.url('/api'), ...overrides };
}

function forNotifier(): OutboundDelivery {
  return outboundDelivery({ channel: ChannelName.Slack, user: null });
}

function send(config: SlackConfigDto, delivery = forNotifier()) {
  return adapter.send(delivery, outboundNotifier(ChannelName.Slack, config), signal);
}

describe('SlackAdapter against a fake Slack', () => {
  it('posts chat.postMessage with the bearer token and returns "<channel>,<ts>"', async () => {
    const result = await send(botConfig({ threadTs: '1503435000.000100' }));

    expect(result).toEqual({ providerCode: '200', providerMessageId: `C_ops,${TS}` });
    expect(slack.requests).toHaveLength(1);
    const [request] = slack.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/api/chat.postMessage');
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(request.body)).toMatchObject({
      channel: '#ops',
      text: 'Job deploy web failed',
      thread_ts: '1503435000.000100',
      blocks: [
        { type: 'header' },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: 'The job *deploy web* failed. <https://ci.example.com/jobs/42|Open job>',
          },
        },
        { type: 'actions', elements: [{ type: 'button', url: 'https://ci.example.com/jobs/42' }] },
      ],
    });
  });

  it('posts once per channel and returns every message id', async () => {
    const result = await send(botConfig({ channels: ['#ops', '#alerts'] }));

    expect(slack.requests.map((request) => JSON.parse(request.body).channel)).toEqual(['#ops', '#alerts']);
    expect(result.providerMessageId).toBe(`C_ops,${TS};C_alerts,${TS}`);
  });

  it('sends a user-targeted delivery to the member id, which Slack opens as a DM', async () => {
    const delivery = outboundDelivery({ channel: ChannelName.Slack, address: 'U024BE7LH' });

    const result = await send(botConfig({ channels: ['#ops'] }), delivery);

    expect(slack.requests.map((request) => JSON.parse(request.body).channel)).toEqual(['U024BE7LH']);
    expect(result.providerMessageId).toBe(`D024BE91L,${TS}`);
  });

  it('fails permanently on {"ok": false} in an HTTP 200, naming the channel', async () => {
    const error = await failureOf(send(botConfig({ channels: ['#archived'] })));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('is_archived');
    expect(error.message).toBe('#archived: Slack answered is_archived (HTTP 200)');
  });

  it('fails permanently on a bad token', async () => {
    const error = await failureOf(send(botConfig({ botToken: 'xoxb-revoked' })));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('invalid_auth');
  });

  it('still posts to the other channels when one fails, and says which failed and which got it', async () => {
    const error = await failureOf(send(botConfig({ channels: ['#archived', '#ops', '#flaky'] })));

    expect(slack.requests).toHaveLength(3);
    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.providerCode).toBe('internal_error');
    expect(error.message).toBe(
      '#archived: Slack answered is_archived (HTTP 200); #flaky: Slack answered internal_error (HTTP 200) (delivered to #ops)',
    );
  });

  it('is rate limited for the Retry-After of an HTTP 429 ratelimited', async () => {
    const error = await failureOf(send(botConfig({ channels: ['#ops', '#busy'] })));

    expect(error.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error.retryAfterMs).toBe(30_000);
    expect(error.providerCode).toBe('ratelimited');
  });

  it('fails permanently, before any request, on a config with both modes', async () => {
    const config = botConfig({ webhookUrl: slack.url('/services/T0/B0/ok') });

    const error = await failureOf(send(config));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toContain('config.botToken: botToken cannot be combined with webhookUrl');
    expect(slack.requests).toHaveLength(0);
  });

  describe('incoming webhook', () => {
    it('posts {text, blocks} to the webhook url', async () => {
      const result = await send({ webhookUrl: slack.url('/services/T0/B0/ok') });

      expect(result).toEqual({ providerCode: '200' });
      const [request] = slack.requests;
      expect(request.path).toBe('/services/T0/B0/ok');
      expect(request.headers.authorization).toBeUndefined();
      const body = JSON.parse(request.body);
      expect(Object.keys(body)).toEqual(['text', 'blocks']);
      expect(body.blocks).toHaveLength(3);
    });

    it('fails permanently on 410 channel_is_archived', async () => {
      const error = await failureOf(send({ webhookUrl: slack.url('/services/T0/B0/archived') }));

      expect(error.code).toBe(DeliveryErrorCode.Permanent);
      expect(error.providerCode).toBe('channel_is_archived');
      expect(error.message).toBe('webhook: Slack answered HTTP 410: channel_is_archived');
    });

    it('is rate limited by a 429 for its Retry-After', async () => {
      const error = await failureOf(send({ webhookUrl: slack.url('/services/T0/B0/busy') }));

      expect(error.code).toBe(DeliveryErrorCode.RateLimited);
      expect(error.retryAfterMs).toBe(7000);
    });
  });

  it('gives up with a retryable dispatch timeout when the runtime aborts a hanging request', async () => {
    const hanging = new HttpCatcher(() => ({ status: 200, body: '{"ok":true}', delayMs: 5000 }));
    await hanging.start();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);

    const config = botConfig({ apiUrl: hanging.url('/api') });
    const error = await failureOf(
      adapter.send(forNotifier(), outboundNotifier(ChannelName.Slack, config), controller.signal),
    );
    await hanging.stop();

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.message).toMatch(/^#ops: dispatch timeout/);
  });

  it('retries when Slack cannot be reached', async () => {
    const config = botConfig();
    await slack.stop();

    const error = await failureOf(send(config));

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.providerCode).toBe('ECONNREFUSED');
  });
});
