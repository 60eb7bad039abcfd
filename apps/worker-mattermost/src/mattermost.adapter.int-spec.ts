import { ChannelName, type MattermostConfigDto } from '@herald/contracts';
import { type CaughtRequest, HttpCatcher, type ScriptedAnswer } from '@herald/testing';
import { DeliveryErrorCode } from '@herald/worker-kit';
import { failureOf, outboundDelivery, outboundNotifier } from '@herald/worker-kit/testing';
import { MattermostAdapter } from './mattermost.adapter.js';

const HOOK = '/hooks/hoan6o9ws7rp5xj7wu9rmysrte';

function appError(status: number, id: string, message: string): ScriptedAnswer {
  const body = {
    id,
    message,
    detailed_error: '',
    request_id: 'qe3eyht563d1b8xani3g93dgfh',
    status_code: status,
  };
  return { status, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
}

/** Mattermost's incoming-webhook handler, as its docs and source describe its answers. */
function fakeMattermost(request: CaughtRequest): ScriptedAnswer {
  const limits = { 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '9', 'x-ratelimit-reset': '1' };
  if (request.path === '/hooks/busy') {
    return {
      status: 429,
      body: 'limit exceeded\n',
      headers: { ...limits, 'x-ratelimit-remaining': '0', 'retry-after': '2' },
    };
  }
  if (request.path === '/hooks/disabled') {
    return appError(
      501,
      'web.incoming_webhook.disabled.app_error',
      'Incoming webhooks have been disabled by the system admin.',
    );
  }
  if (request.path !== HOOK)
    return appError(400, 'web.incoming_webhook.invalid.app_error', 'Invalid webhook.');
  const { text, channel } = JSON.parse(request.body) as { text?: string; channel?: string };
  if (!text) return appError(400, 'web.incoming_webhook.text.app_error', 'No text specified.');
  if (channel === 'off-topic') {
    return appError(
      403,
      'web.incoming_webhook.channel_locked.app_error',
      'This webhook is not permitted to post to the requested channel.',
    );
  }
  if (channel === '@ghost')
    return appError(400, 'web.incoming_webhook.user.app_error', "Couldn't find the user.");
  return { status: 200, body: 'ok', headers: { ...limits, 'x-request-id': 'hoan6o9ws7rp5xj7wu9rmysrte' } };
}

let mattermost: HttpCatcher;
let adapter: MattermostAdapter;
const signal = new AbortController().signal;

beforeEach(async () => {
  mattermost = new HttpCatcher(fakeMattermost);
  await mattermost.start();
  adapter = new MattermostAdapter();
});

afterEach(async () => {
  await adapter.close();
  await mattermost.stop();
});

function send(
  config: Partial<MattermostConfigDto> & { path?: string },
  delivery = outboundDelivery({ user: null }),
) {
  const { path = HOOK, ...rest } = config;
  const notifier = outboundNotifier(ChannelName.Mattermost, { webhookUrl: mattermost.url(path), ...rest });
  return adapter.send({ ...delivery, channel: ChannelName.Mattermost }, notifier, signal);
}

describe('MattermostAdapter against a fake Mattermost', () => {
  it('posts the message as JSON to the webhook', async () => {
    const result = await send({
      channel: 'town-square',
      username: 'Herald',
      iconUrl: 'https://x.example/h.png',
    });

    expect(result).toEqual({ providerCode: '200' });
    expect(mattermost.requests).toHaveLength(1);
    const [request] = mattermost.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(HOOK);
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({
      text:
        '**Job deploy web failed**\n\nThe job **deploy web** failed. [Open job](https://ci.example.com/jobs/42)' +
        '\n\n[Open job](https://ci.example.com/jobs/42)',
      channel: 'town-square',
      username: 'Herald',
      icon_url: 'https://x.example/h.png',
    });
  });

  it('sends a user-targeted delivery as a direct message to @<username>', async () => {
    await send({ channel: 'town-square' }, outboundDelivery({ address: 'ada' }));

    expect(JSON.parse(mattermost.requests[0].body).channel).toBe('@ada');
  });

  it.each([
    [{ path: '/hooks/unknown' }, 'web.incoming_webhook.invalid.app_error', 'Invalid webhook.'],
    [
      { channel: 'off-topic' },
      'web.incoming_webhook.channel_locked.app_error',
      'This webhook is not permitted',
    ],
    [{ path: '/hooks/disabled' }, 'web.incoming_webhook.disabled.app_error', 'disabled by the system admin'],
  ])('fails permanently on %p with the AppError id', async (config, id, text) => {
    const error = await failureOf(send(config));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe(id);
    expect(error.message).toContain(text);
  });

  it('fails permanently when the user does not exist', async () => {
    const error = await failureOf(send({}, outboundDelivery({ address: 'ghost' })));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('web.incoming_webhook.user.app_error');
  });

  it('is rate limited for the Retry-After of a 429', async () => {
    const error = await failureOf(send({ path: '/hooks/busy' }));

    expect(error.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error.retryAfterMs).toBe(2000);
  });

  it('retries when the server cannot be reached', async () => {
    await mattermost.stop();

    const error = await failureOf(send({}));

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.providerCode).toBe('ECONNREFUSED');
  });

  it('fails permanently, without a request, on an invalid config', async () => {
    const error = await failureOf(send({ channel: 'two words' }));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toContain('config.channel');
    expect(mattermost.requests).toHaveLength(0);
  });
});
