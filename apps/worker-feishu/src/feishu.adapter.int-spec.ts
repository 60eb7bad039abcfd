import { ChannelName, type FeishuConfigDto, FeishuMode } from '@herald/contracts';
import { DeliveryErrorCode, type OutboundDelivery } from '@herald/worker-kit';
import { failureOf, openSignal, outboundDelivery, outboundNotifier } from '@herald/worker-kit/testing';
import { FakeFeishu, json } from '../test/fake-feishu.js';
import { messageUuidOf } from './build-feishu-payload.js';
import { FeishuAdapter } from './feishu.adapter.js';

const OPEN_ID = 'ou_7d8a6e6df7621556ce0d21922b676706ccs';
const MESSAGES = '/open-apis/im/v1/messages';
const TOKEN = '/open-apis/auth/v3/tenant_access_token/internal';

let feishu: FakeFeishu;
let adapter: FeishuAdapter;
let clock: number;

beforeEach(async () => {
  feishu = new FakeFeishu({
    hookToken: '0b1c2d3e-aaaa-bbbb-cccc-1234567890ab',
    hookSecret: 'hook-secret',
    appId: 'cli_a1b2c3',
    appSecret: 'app-secret',
    reachable: ['oc_ops', 'oc_alerts', OPEN_ID],
  });
  await feishu.start();
  clock = Date.now();
  adapter = new FeishuAdapter({ now: () => clock });
});

afterEach(async () => {
  await adapter.close();
  await feishu.stop();
});

function appNotifier(overrides: Partial<FeishuConfigDto> = {}) {
  const config: FeishuConfigDto = {
    mode: FeishuMode.App,
    appId: 'cli_a1b2c3',
    appSecret: 'app-secret',
    receiveIds: ['oc_ops'],
    apiUrl: feishu.apiUrl,
    ...overrides,
  };
  return outboundNotifier(ChannelName.Feishu, config);
}

function hookNotifier(overrides: Partial<FeishuConfigDto> = {}) {
  const config: FeishuConfigDto = {
    mode: FeishuMode.Webhook,
    webhookUrl: feishu.hookUrl,
    webhookSecret: 'hook-secret',
    ...overrides,
  };
  return outboundNotifier(ChannelName.Feishu, config);
}

function chatDelivery(overrides: Partial<OutboundDelivery> = {}): OutboundDelivery {
  return outboundDelivery({ channel: ChannelName.Feishu, user: null, address: null, ...overrides });
}

function userDelivery(): OutboundDelivery {
  return outboundDelivery({ channel: ChannelName.Feishu, address: OPEN_ID });
}

describe('FeishuAdapter, custom bot webhook', () => {
  it('posts the signed card, which the bot accepts', async () => {
    const result = await adapter.send(chatDelivery(), hookNotifier(), openSignal());

    expect(result).toEqual({ providerCode: '0' });
    const [request] = feishu.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/open-apis/bot/v2/hook/0b1c2d3e-aaaa-bbbb-cccc-1234567890ab');
    expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = JSON.parse(request.body);
    expect(Object.keys(body)).toEqual(['timestamp', 'sign', 'msg_type', 'card']);
    expect(body.card.header.title).toEqual({ tag: 'plain_text', content: 'Job deploy web failed' });
    expect(feishu.messages).toHaveLength(1);
  });

  it('fails permanently when the signature does not match (code 19021 in an HTTP 200)', async () => {
    const error = await failureOf(
      adapter.send(chatDelivery(), hookNotifier({ webhookSecret: 'old' }), openSignal()),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('19021');
    expect(error.message).toContain('sign match fail');
    expect(feishu.messages).toHaveLength(0);
  });

  it('is rate limited when the bot is frequency limited (code 11232)', async () => {
    feishu.failNext(
      '/open-apis/bot/v2/hook/0b1c2d3e-aaaa-bbbb-cccc-1234567890ab',
      json(200, {
        code: 11232,
        data: {},
        msg: 'frequency limited psm[lark.oapi.app_platform_runtime]appID[1231]',
      }),
    );

    const error = await failureOf(adapter.send(chatDelivery(), hookNotifier(), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error.providerCode).toBe('11232');
  });
});

describe('FeishuAdapter, app', () => {
  it('sends the card with a tenant token fetched once for several deliveries', async () => {
    const first = await adapter.send(chatDelivery(), appNotifier(), openSignal());
    const second = await adapter.send(
      chatDelivery({ id: 'a7e2c9d4-0000-4000-8000-000000000002' }),
      appNotifier(),
      openSignal(),
    );

    expect(first).toEqual({ providerCode: '0', providerMessageId: 'om_1' });
    expect(second.providerMessageId).toBe('om_2');
    const [tokenRequest] = feishu.requestsTo(TOKEN);
    expect(JSON.parse(tokenRequest.body)).toEqual({ app_id: 'cli_a1b2c3', app_secret: 'app-secret' });
    expect(feishu.requestsTo(TOKEN)).toHaveLength(1);
    const [request] = feishu.requestsTo(MESSAGES);
    expect(request.method).toBe('POST');
    expect(request.path).toBe(`${MESSAGES}?receive_id_type=chat_id`);
    expect(request.headers.authorization).toBe('Bearer t-g10441');
    const body = JSON.parse(request.body);
    expect(body).toEqual({
      receive_id: 'oc_ops',
      msg_type: 'interactive',
      content: expect.any(String),
      uuid: messageUuidOf(chatDelivery().id, 'chat_id', 'oc_ops'),
    });
    expect(JSON.parse(body.content).header.title.content).toBe('Job deploy web failed');
  });

  it('fetches a new token once the cached one nears its expiry', async () => {
    await adapter.send(chatDelivery(), appNotifier(), openSignal());
    clock += 7200 * 1000 - 60_000;
    await adapter.send(
      chatDelivery({ id: 'a7e2c9d4-0000-4000-8000-000000000002' }),
      appNotifier(),
      openSignal(),
    );

    expect(feishu.issuedTokens).toEqual(['t-g10441', 't-g10442']);
    expect(feishu.requestsTo(MESSAGES)[1].headers.authorization).toBe('Bearer t-g10442');
  });

  it('refreshes a token Feishu calls invalid and sends again', async () => {
    await adapter.send(chatDelivery(), appNotifier(), openSignal());
    feishu.revokeTokens();

    const result = await adapter.send(
      chatDelivery({ id: 'a7e2c9d4-0000-4000-8000-000000000002' }),
      appNotifier(),
      openSignal(),
    );

    expect(result.providerMessageId).toBe('om_2');
    expect(feishu.issuedTokens).toHaveLength(2);
    expect(feishu.requestsTo(MESSAGES)).toHaveLength(3);
    expect(feishu.messages).toHaveLength(2);
  });

  it('posts once when a send is retried after the answer was lost', async () => {
    const delivery = chatDelivery();
    const controller = new AbortController();
    // An earlier delivery caches the token, so the abort lands on the stalled message.
    await adapter.send(
      chatDelivery({ id: 'a7e2c9d4-0000-4000-8000-000000000009' }),
      appNotifier(),
      openSignal(),
    );
    feishu.stallNextMessage(1_000);
    setTimeout(() => controller.abort(), 100);

    const lost = await failureOf(adapter.send(delivery, appNotifier(), controller.signal));
    const retried = await adapter.send({ ...delivery, attemptNumber: 2 }, appNotifier(), openSignal());

    expect(lost.code).toBe(DeliveryErrorCode.Retryable);
    expect(lost.message).toMatch(/^dispatch timeout/);
    expect(feishu.requestsTo(MESSAGES)).toHaveLength(3);
    expect(feishu.messages).toHaveLength(2);
    expect(retried.providerMessageId).toBe('om_2');
  });

  it('sends to every chat, and a retry after one chat failed posts nothing twice', async () => {
    const delivery = chatDelivery();
    const notifier = appNotifier({ receiveIds: ['oc_ops', 'oc_alerts'] });
    feishu.failNext(MESSAGES, json(503, { code: 1500, msg: 'internal error' }), 'oc_alerts');

    const error = await failureOf(adapter.send(delivery, notifier, openSignal()));
    const retried = await adapter.send({ ...delivery, attemptNumber: 2 }, notifier, openSignal());

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.providerCode).toBe('1500');
    expect(feishu.requestsTo(MESSAGES).map((request) => JSON.parse(request.body).receive_id)).toEqual([
      'oc_ops',
      'oc_alerts',
      'oc_ops',
      'oc_alerts',
    ]);
    expect(feishu.messages.map((message) => message.receiveId)).toEqual(['oc_ops', 'oc_alerts']);
    expect(retried.providerMessageId).toBe('om_1,om_2');
  });

  it("raises the urgent alert on the user's message", async () => {
    const result = await adapter.send(userDelivery(), appNotifier({ urgent: 'app' }), openSignal());

    expect(result.providerMessageId).toBe('om_1');
    const [request] = feishu.requestsTo(`${MESSAGES}/om_1/urgent_app`);
    expect(request.method).toBe('PATCH');
    expect(request.path).toBe(`${MESSAGES}/om_1/urgent_app?user_id_type=open_id`);
    expect(request.headers.authorization).toBe('Bearer t-g10441');
    expect(JSON.parse(request.body)).toEqual({ user_id_list: [OPEN_ID] });
    expect(feishu.urgent).toEqual([
      { kind: 'app', messageId: 'om_1', userIdType: 'open_id', userIds: [OPEN_ID] },
    ]);
  });

  it('still succeeds when the urgent alert fails', async () => {
    feishu.failNext(
      `${MESSAGES}/om_1/urgent_phone`,
      json(400, { code: 230024, msg: 'Reach the upper limit of urgent message.' }),
    );

    const result = await adapter.send(userDelivery(), appNotifier({ urgent: 'phone' }), openSignal());

    expect(result).toEqual({ providerCode: '0', providerMessageId: 'om_1' });
    expect(feishu.requestsTo(`${MESSAGES}/om_1/urgent_phone`)).toHaveLength(1);
    expect(feishu.messages).toHaveLength(1);
  });

  it('is rate limited for x-ogw-ratelimit-reset seconds', async () => {
    feishu.failNext(
      MESSAGES,
      json(
        429,
        { code: 99991400, msg: 'request trigger frequency limit' },
        {
          'x-ogw-ratelimit-limit': '50',
          'x-ogw-ratelimit-reset': '4',
        },
      ),
    );

    const error = await failureOf(adapter.send(chatDelivery(), appNotifier(), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error.retryAfterMs).toBe(4000);
    expect(error.providerCode).toBe('99991400');
  });

  it('fails permanently when the bot is not in the chat', async () => {
    const error = await failureOf(
      adapter.send(chatDelivery(), appNotifier({ receiveIds: ['oc_elsewhere'] }), openSignal()),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('230002');
  });

  it('fails permanently, without sending, on a wrong app secret', async () => {
    const error = await failureOf(
      adapter.send(chatDelivery(), appNotifier({ appSecret: 'wrong' }), openSignal()),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('10014');
    expect(feishu.requestsTo(MESSAGES)).toHaveLength(0);
  });

  it('fails permanently, without a request, on a config missing its mode fields', async () => {
    const error = await failureOf(
      adapter.send(chatDelivery(), appNotifier({ appSecret: undefined }), openSignal()),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toContain('config.appSecret');
    expect(feishu.requests).toHaveLength(0);
  });
});
