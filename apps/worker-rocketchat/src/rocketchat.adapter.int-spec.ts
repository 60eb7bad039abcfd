import { ChannelName, type RocketChatConfigDto } from '@herald/contracts';
import { type CaughtRequest, HttpCatcher, type ScriptedAnswer } from '@herald/testing';
import { DeliveryErrorCode } from '@herald/worker-kit';
import { failureOf, outboundDelivery, outboundNotifier } from '@herald/worker-kit/testing';
import { RocketChatAdapter } from './rocketchat.adapter.js';

const HOOK = '/hooks/D2oXe5wZEAKFYKds6/eQJ2dyMq6yPvAbNdx6uLjuiLJvQNSkSoWfQfi8kNwPQ6bsoc';
const LOCKED_HOOK = '/hooks/Xnb2kLD2Pnhdwe3RH/locked';

function answer(status: number, body: unknown, headers: Record<string, string> = {}): ScriptedAnswer {
  return { status, body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } };
}

/** Rocket.Chat's /hooks endpoint, as its source answers. */
function fakeRocketChat(request: CaughtRequest): ScriptedAnswer {
  const resetAt = String(Date.now() + 41_000);
  const limits = { 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '9', 'x-ratelimit-reset': resetAt };
  if (request.path === '/hooks/busy/token') {
    const error =
      'Error, too many requests. Please slow down. You must wait 41 seconds before trying this endpoint again. [error-too-many-requests]';
    const details = { timeToReset: 40_500, seconds: 41 };
    return answer(
      429,
      { success: false, error, errorType: 'error-too-many-requests', details },
      { ...limits, 'x-ratelimit-remaining': '0' },
    );
  }
  if (request.path !== HOOK && request.path !== LOCKED_HOOK) {
    return answer(404, { success: false, error: 'Invalid integration id or token provided.' });
  }
  const { channel } = JSON.parse(request.body) as { channel?: string };
  if (channel && request.path === LOCKED_HOOK) {
    return answer(400, {
      success: false,
      error: 'overriding destination channel is disabled for this integration',
    });
  }
  if (channel === '@ghost') return answer(400, { success: false, error: 'invalid-channel' });
  return answer(200, { success: true }, limits);
}

let rocketChat: HttpCatcher;
let adapter: RocketChatAdapter;
const signal = new AbortController().signal;

beforeEach(async () => {
  rocketChat = new HttpCatcher(fakeRocketChat);
  await rocketChat.start();
  adapter = new RocketChatAdapter();
});

afterEach(async () => {
  await adapter.close();
  await rocketChat.stop();
});

function send(
  config: Partial<RocketChatConfigDto> & { path?: string },
  delivery = outboundDelivery({ user: null }),
) {
  const { path = HOOK, ...rest } = config;
  const notifier = outboundNotifier(ChannelName.RocketChat, { webhookUrl: rocketChat.url(path), ...rest });
  return adapter.send({ ...delivery, channel: ChannelName.RocketChat }, notifier, signal);
}

describe('RocketChatAdapter against a fake Rocket.Chat', () => {
  it('posts the message as JSON to the webhook', async () => {
    const result = await send({
      channel: '#general',
      username: 'Herald',
      iconUrl: 'https://x.example/h.png',
    });

    expect(result).toEqual({ providerCode: '200' });
    expect(rocketChat.requests).toHaveLength(1);
    const [request] = rocketChat.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(HOOK);
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({
      text:
        '*Job deploy web failed*\n\nThe job **deploy web** failed. [Open job](https://ci.example.com/jobs/42)' +
        '\n\n[Open job](https://ci.example.com/jobs/42)',
      channel: '#general',
      username: 'Herald',
      icon_url: 'https://x.example/h.png',
    });
  });

  it('sends a user-targeted delivery as a direct message to @<username>', async () => {
    await send({}, outboundDelivery({ address: 'ada' }));

    expect(JSON.parse(rocketChat.requests[0].body).channel).toBe('@ada');
  });

  it('fails permanently on an unknown integration or token', async () => {
    const error = await failureOf(send({ path: '/hooks/nope/nope' }));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toBe('Rocket.Chat answered HTTP 404: Invalid integration id or token provided.');
  });

  it('fails permanently when the integration may not post elsewhere than its own channel', async () => {
    const error = await failureOf(send({ path: LOCKED_HOOK, channel: '#random' }));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toContain('overriding destination channel is disabled');
  });

  it('fails permanently when the user does not exist', async () => {
    const error = await failureOf(send({}, outboundDelivery({ address: 'ghost' })));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('invalid-channel');
  });

  it('is rate limited for as long as the rate limiter says', async () => {
    const error = await failureOf(send({ path: '/hooks/busy/token' }));

    expect(error.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error.retryAfterMs).toBe(40_500);
    expect(error.providerCode).toBe('error-too-many-requests');
  });

  it('retries when the server cannot be reached', async () => {
    await rocketChat.stop();

    const error = await failureOf(send({}));

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.providerCode).toBe('ECONNREFUSED');
  });

  it('fails permanently, without a request, on an invalid config', async () => {
    const error = await failureOf(send({ iconUrl: 'not a url' }));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toContain('config.iconUrl');
    expect(rocketChat.requests).toHaveLength(0);
  });
});
