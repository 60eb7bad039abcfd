import { ChannelName } from '@herald/contracts';
import { HttpCatcher, type ScriptedAnswer } from '@herald/testing';
import { DeliveryErrorCode } from '@herald/worker-kit';
import { failureOf, openSignal, outboundDelivery, outboundNotifier } from '@herald/worker-kit/testing';
import { RATE_LIMIT_BODY, RATE_LIMIT_HEADERS } from '../test/discord-answers.js';
import { buildDiscordPayload } from './build-discord-payload.js';
import { DiscordAdapter } from './discord.adapter.js';

const WEBHOOK_PATH = '/api/webhooks/1234567890/tok-EN_value';
const JSON_HEADERS = { 'content-type': 'application/json' };

let catcher: HttpCatcher;
let adapter: DiscordAdapter;

/** A Discord webhook endpoint answering each request with `answer`. */
async function discord(answer: ScriptedAnswer): Promise<void> {
  catcher = new HttpCatcher(() => answer);
  await catcher.start();
}

function notifier(config: Record<string, unknown> = {}) {
  return outboundNotifier(ChannelName.Discord, { webhookUrl: catcher.url(WEBHOOK_PATH), ...config });
}

beforeEach(() => {
  adapter = new DiscordAdapter();
});

afterEach(async () => {
  await adapter.close();
  await catcher.stop();
});

describe('DiscordAdapter against a fake Discord webhook', () => {
  it('POSTs the embed with wait=true and keeps the created message id', async () => {
    await discord({
      status: 200,
      headers: JSON_HEADERS,
      body: JSON.stringify({
        id: '1100000000000000001',
        type: 0,
        channel_id: '42',
        content: 'Job **deploy web** failed',
      }),
    });
    const delivery = outboundDelivery({ channel: ChannelName.Discord, user: null });

    const result = await adapter.send(delivery, notifier({ username: 'Herald' }), openSignal());

    expect(result).toEqual({ providerCode: '200', providerMessageId: '1100000000000000001' });
    expect(catcher.requests).toHaveLength(1);
    const [request] = catcher.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(`${WEBHOOK_PATH}?wait=true`);
    expect(request.headers['content-type']).toBe('application/json');
    const config = { webhookUrl: catcher.url(WEBHOOK_PATH), username: 'Herald' };
    expect(JSON.parse(request.body)).toEqual(buildDiscordPayload(delivery, config).body);
    expect(JSON.parse(request.body)).toMatchObject({ username: 'Herald', allowed_mentions: { parse: [] } });
  });

  it("is rate limited for the body's retry_after", async () => {
    await discord({
      status: 429,
      headers: RATE_LIMIT_HEADERS,
      body: JSON.stringify(RATE_LIMIT_BODY),
    });

    const error = await failureOf(adapter.send(outboundDelivery(), notifier(), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error.providerCode).toBe('429');
    expect(error.retryAfterMs).toBe(640);
  });

  it('fails for good on an Unknown Webhook, without leaking its token', async () => {
    await discord({
      status: 404,
      headers: JSON_HEADERS,
      body: JSON.stringify({ message: 'Unknown Webhook', code: 10015 }),
    });

    const error = await failureOf(adapter.send(outboundDelivery(), notifier(), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('404');
    expect(error.message).toContain('Unknown Webhook (code 10015)');
    expect(error.message).not.toContain('tok-EN_value');
  });

  it('fails for good on an Invalid Form Body', async () => {
    await discord({
      status: 400,
      headers: JSON_HEADERS,
      body: JSON.stringify({
        code: 50035,
        message: 'Invalid Form Body',
        errors: {
          avatar_url: { _errors: [{ code: 'URL_TYPE_INVALID_URL', message: 'Not a well formed URL.' }] },
        },
      }),
    });

    const error = await failureOf(adapter.send(outboundDelivery(), notifier(), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toContain('avatar_url: Not a well formed URL.');
  });

  it('retries a 500', async () => {
    await discord({
      status: 500,
      headers: JSON_HEADERS,
      body: JSON.stringify({ message: '500: Internal Server Error', code: 0 }),
    });

    const error = await failureOf(adapter.send(outboundDelivery(), notifier(), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.providerCode).toBe('500');
  });

  it('gives up with a retryable dispatch timeout when aborted', async () => {
    await discord({ status: 200, body: '{}', delayMs: 2_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);

    const error = await failureOf(adapter.send(outboundDelivery(), notifier(), controller.signal));

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.message).toMatch(/^dispatch timeout/);
  });

  it('fails permanently, without a request, on an invalid config', async () => {
    await discord({ status: 200, body: '{}' });

    const error = await failureOf(adapter.send(outboundDelivery(), notifier({ username: '' }), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toContain('config.username');
    expect(catcher.requests).toHaveLength(0);
  });
});
