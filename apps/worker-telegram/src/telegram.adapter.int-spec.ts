import { ChannelName } from '@herald/contracts';
import { type CaughtRequest, HttpCatcher, type ScriptedAnswer } from '@herald/testing';
import { type DeliveryError, DeliveryErrorCode } from '@herald/worker-kit';
import { failureOf, openSignal, outboundDelivery, outboundNotifier } from '@herald/worker-kit/testing';
import { buildTelegramPayload } from './build-telegram-payload.js';
import { TelegramAdapter } from './telegram.adapter.js';

const BOT_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const SEND_PATH = `/bot${BOT_TOKEN}/sendMessage`;
const JSON_HEADERS = { 'content-type': 'application/json' };

let catcher: HttpCatcher;
let adapter: TelegramAdapter;

/** A Bot API answer as Telegram writes it: the status mirrors error_code. */
function botApi(status: number, body: object, headers: Record<string, string> = {}): ScriptedAnswer {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

function sent(messageId: number, chatId: number | string): ScriptedAnswer {
  return botApi(200, {
    ok: true,
    result: {
      message_id: messageId,
      chat: { id: chatId, type: 'private' },
      date: 1767323045,
      text: 'Job deploy web failed',
    },
  });
}

/** A fake Bot API server answering each sendMessage as `respond` decides from its chat_id. */
async function telegram(respond: (chatId: string, request: CaughtRequest) => ScriptedAnswer): Promise<void> {
  catcher = new HttpCatcher((request) => respond(JSON.parse(request.body).chat_id, request));
  await catcher.start();
}

function notifier(config: Record<string, unknown> = {}) {
  return outboundNotifier(ChannelName.Telegram, { botToken: BOT_TOKEN, apiUrl: catcher.url(''), ...config });
}

function expectNoToken(error: DeliveryError): void {
  expect(error.message).not.toContain(BOT_TOKEN);
  expect(error.message).not.toContain(BOT_TOKEN.split(':')[1]);
  expect(JSON.stringify({ ...error, stack: error.stack })).not.toContain(BOT_TOKEN);
  expect(error.cause).toBeUndefined();
}

const userDelivery = () => outboundDelivery({ channel: ChannelName.Telegram, address: '987654321' });

beforeEach(() => {
  adapter = new TelegramAdapter();
});

afterEach(async () => {
  await adapter.close();
  await catcher.stop();
});

describe('TelegramAdapter against a fake Bot API', () => {
  it("POSTs sendMessage to the user's chat and keeps the message id", async () => {
    await telegram((chatId) => sent(17, Number(chatId)));
    const delivery = userDelivery();

    const result = await adapter.send(delivery, notifier(), openSignal());

    expect(result).toEqual({ providerCode: '200', providerMessageId: '17' });
    expect(catcher.requests).toHaveLength(1);
    const [request] = catcher.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(SEND_PATH);
    expect(request.headers['content-type']).toBe('application/json');
    const [expected] = buildTelegramPayload(delivery, { botToken: BOT_TOKEN, apiUrl: catcher.url('') });
    expect(JSON.parse(request.body)).toEqual(expected.body);
    expect(JSON.parse(request.body)).toMatchObject({ chat_id: '987654321', parse_mode: 'HTML' });
  });

  it('posts to every chat of a notifier and reports the one that failed', async () => {
    await telegram((chatId) =>
      chatId === '@gone_channel'
        ? botApi(400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' })
        : sent(5, chatId),
    );
    const delivery = outboundDelivery({ user: null, address: '-1001234567890, @gone_channel' });

    const error = await failureOf(
      adapter.send(delivery, notifier({ chatIds: ['-1001234567890', '@gone_channel'] }), openSignal()),
    );

    expect(catcher.requests.map((request) => JSON.parse(request.body).chat_id)).toEqual([
      '-1001234567890',
      '@gone_channel',
    ]);
    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('400');
    expect(error.message).toBe('chat @gone_channel: Telegram answered 400: Bad Request: chat not found');
  });

  it('lets a rate limit in one chat win over a permanent failure in another', async () => {
    await telegram((chatId) =>
      chatId === '-100111'
        ? botApi(429, {
            ok: false,
            error_code: 429,
            description: 'Too Many Requests: retry after 7',
            parameters: { retry_after: 7 },
          })
        : botApi(403, {
            ok: false,
            error_code: 403,
            description: 'Forbidden: bot was kicked from the group chat',
          }),
    );

    const error = await failureOf(
      adapter.send(
        outboundDelivery({ user: null }),
        notifier({ chatIds: ['-100111', '-100222'] }),
        openSignal(),
      ),
    );

    expect(error.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error.retryAfterMs).toBe(7000);
    expect(error.message).toContain('chat -100222: Telegram answered 403');
  });

  it('is rate limited for parameters.retry_after', async () => {
    await telegram(() =>
      botApi(429, {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 3',
        parameters: { retry_after: 3 },
      }),
    );

    const error = await failureOf(adapter.send(userDelivery(), notifier(), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error.providerCode).toBe('429');
    expect(error.retryAfterMs).toBe(3000);
  });

  it.each([
    [403, 'Forbidden: bot was blocked by the user'],
    [401, 'Unauthorized'],
  ])('fails for good on %i %s', async (status, description) => {
    await telegram(() => botApi(status, { ok: false, error_code: status, description }));

    const error = await failureOf(adapter.send(userDelivery(), notifier(), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe(String(status));
    expect(error.message).toContain(description);
    expectNoToken(error);
  });

  it('retries a 502', async () => {
    await telegram(() => botApi(502, { ok: false, error_code: 502, description: 'Bad Gateway' }));

    const error = await failureOf(adapter.send(userDelivery(), notifier(), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.providerCode).toBe('502');
  });

  describe('never lets the bot token out', () => {
    it('in a redirect', async () => {
      await telegram(() => ({ status: 302, headers: { location: `https://api.telegram.org${SEND_PATH}` } }));

      const error = await failureOf(adapter.send(userDelivery(), notifier(), openSignal()));

      expect(error.code).toBe(DeliveryErrorCode.Permanent);
      expect(error.message).toContain('https://api.telegram.org/bot***/sendMessage');
      expectNoToken(error);
    });

    it('in a body that echoes the request', async () => {
      await telegram((_chatId, request) => ({ status: 404, body: `Cannot POST ${request.path}` }));

      const error = await failureOf(adapter.send(userDelivery(), notifier(), openSignal()));

      expect(error.message).toBe('Telegram answered HTTP 404: Cannot POST /bot***/sendMessage');
      expectNoToken(error);
    });

    it('in a transport error', async () => {
      await telegram(() => sent(1, 1));
      const apiUrl = catcher.url('');
      await catcher.stop();

      const error = await failureOf(adapter.send(userDelivery(), notifier({ apiUrl }), openSignal()));

      expect(error.code).toBe(DeliveryErrorCode.Retryable);
      expect(error.providerCode).toBe('ECONNREFUSED');
      expectNoToken(error);
    });

    it('in a dispatch timeout', async () => {
      await telegram(() => ({ ...sent(1, 1), delayMs: 2_000 }));
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);

      const error = await failureOf(adapter.send(userDelivery(), notifier(), controller.signal));

      expect(error.code).toBe(DeliveryErrorCode.Retryable);
      expect(error.message).toMatch(/^dispatch timeout/);
      expectNoToken(error);
    });

    it('in a config error, sending nothing', async () => {
      await telegram(() => sent(1, 1));
      const badToken = `${BOT_TOKEN}!`;

      const error = await failureOf(
        adapter.send(userDelivery(), notifier({ botToken: badToken }), openSignal()),
      );

      expect(error.code).toBe(DeliveryErrorCode.Permanent);
      expect(error.message).toContain('config.botToken');
      expect(error.message).not.toContain(badToken);
      expect(catcher.requests).toHaveLength(0);
    });
  });
});
