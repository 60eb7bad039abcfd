import { createHmac } from 'node:crypto';
import { ChannelName, type FeishuConfigDto, FeishuMode } from '@herald/contracts';
import { DeliveryErrorCode, type OutboundDelivery } from '@herald/worker-kit';
import { outboundDelivery, thrownBy } from '@herald/worker-kit/testing';
import {
  buildFeishuPayload,
  buildFeishuTokenRequest,
  buildFeishuUrgentRequest,
  type FeishuAppPayload,
  type FeishuWebhookPayload,
  feishuSignature,
  messageUuidOf,
} from './build-feishu-payload.js';

const DELIVERY_ID = '0b9f5a52-5d0e-4a57-9a43-1f2a7c3e8d10';
const NOW = Date.parse('2026-01-02T03:04:05.678Z');
const HOOK = 'https://open.feishu.cn/open-apis/bot/v2/hook/0b1c2d3e-aaaa-bbbb-cccc-1234567890ab';

const EXPECTED_CARD = {
  config: { wide_screen_mode: true },
  header: { template: 'red', title: { tag: 'plain_text', content: 'Job deploy web failed' } },
  elements: [
    { tag: 'markdown', content: 'The job **deploy web** failed. [Open job](https://ci.example.com/jobs/42)' },
    {
      tag: 'action',
      actions: [
        {
          tag: 'button',
          text: { tag: 'plain_text', content: 'Open job' },
          type: 'primary',
          url: 'https://ci.example.com/jobs/42',
        },
      ],
    },
  ],
};

function webhookConfig(overrides: Partial<FeishuConfigDto> = {}): FeishuConfigDto {
  return { mode: FeishuMode.Webhook, webhookUrl: HOOK, ...overrides };
}

function appConfig(overrides: Partial<FeishuConfigDto> = {}): FeishuConfigDto {
  return { mode: FeishuMode.App, appId: 'cli_a1b2c3', appSecret: 'app-secret', ...overrides };
}

function notifierDelivery(overrides: Partial<OutboundDelivery> = {}): OutboundDelivery {
  return outboundDelivery({ channel: ChannelName.Feishu, user: null, address: null, ...overrides });
}

function userDelivery(): OutboundDelivery {
  return outboundDelivery({ channel: ChannelName.Feishu, address: 'ou_7d8a6e6df7621556ce0d21922b676706ccs' });
}

describe('buildFeishuPayload, custom bot webhook', () => {
  it('posts the interactive card to the hook, unsigned without a secret', () => {
    const payload = buildFeishuPayload(notifierDelivery(), webhookConfig(), NOW) as FeishuWebhookPayload;

    expect(payload).toEqual({
      mode: 'webhook',
      url: HOOK,
      body: { msg_type: 'interactive', card: EXPECTED_CARD },
    });
  });

  it('signs with the timestamp in seconds, as the custom bot guide computes it', () => {
    const payload = buildFeishuPayload(notifierDelivery(), webhookConfig({ webhookSecret: 'demo' }), NOW);

    const body = (payload as FeishuWebhookPayload).body;
    expect(Object.keys(body)).toEqual(['timestamp', 'sign', 'msg_type', 'card']);
    expect(body.timestamp).toBe('1767323045');
    const expected = createHmac('sha256', '1767323045\ndemo').update(Buffer.alloc(0)).digest('base64');
    expect(body.sign).toBe(expected);
  });

  it('computes the signature the guide describes', () => {
    // HmacSHA256 keyed with "timestamp\nsecret" over empty data, base64; the value is Python's
    // hmac.new(b"1599360473\ndemo", b"", sha256) for an independent check.
    expect(feishuSignature('1599360473', 'demo')).toBe('l1N0gAcBjdwBvGm1xMjOF0XSyaLRpR7tuO5dHfhAYc8=');
    expect(feishuSignature('1599360474', 'demo')).not.toBe(feishuSignature('1599360473', 'demo'));
  });

  it('refuses a user delivery: a custom bot only reaches its group', () => {
    const error = thrownBy(() => buildFeishuPayload(userDelivery(), webhookConfig(), NOW));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toMatch(/app notifier/);
  });
});

describe('buildFeishuPayload, app', () => {
  it("sends the card to the user's open_id, the delivery id as uuid", () => {
    const payload = buildFeishuPayload(userDelivery(), appConfig({ receiveIds: ['oc_ignored'] }), NOW);

    const openId = 'ou_7d8a6e6df7621556ce0d21922b676706ccs';
    expect(payload).toEqual({
      mode: 'app',
      messages: [
        {
          receiveId: openId,
          url: 'https://open.feishu.cn/open-apis/im/v1/messages?receive_id_type=open_id',
          body: {
            receive_id: openId,
            msg_type: 'interactive',
            content: JSON.stringify(EXPECTED_CARD),
            uuid: messageUuidOf(DELIVERY_ID, 'open_id', openId),
          },
          urgent: undefined,
        },
      ],
    });
  });

  it('sends one message per receive id of a notifier, each with its own stable uuid of at most 50 characters', () => {
    const config = appConfig({
      receiveIds: ['oc_ops', 'oc_alerts', 'oc_ops'],
      apiUrl: 'https://open.larksuite.com/',
    });

    const { messages } = buildFeishuPayload(notifierDelivery(), config, NOW) as FeishuAppPayload;
    const again = buildFeishuPayload(
      { ...notifierDelivery(), attemptNumber: 2 },
      config,
      NOW + 60_000,
    ) as FeishuAppPayload;

    expect(messages.map((message) => message.url)).toEqual([
      'https://open.larksuite.com/open-apis/im/v1/messages?receive_id_type=chat_id',
      'https://open.larksuite.com/open-apis/im/v1/messages?receive_id_type=chat_id',
    ]);
    expect(messages.map((message) => message.body.receive_id)).toEqual(['oc_ops', 'oc_alerts']);
    expect(messages[0].body.uuid).not.toBe(messages[1].body.uuid);
    expect(messages[0].body.uuid).toMatch(new RegExp(`^${DELIVERY_ID}\\.[0-9a-f]{8}$`));
    expect(messages[0].body.uuid.length).toBeLessThanOrEqual(50);
    expect(again.messages.map((message) => message.body.uuid)).toEqual(
      messages.map((message) => message.body.uuid),
    );
  });

  it('raises the urgent alert on user recipients only', () => {
    const toUser = buildFeishuPayload(
      userDelivery(),
      appConfig({ urgent: 'phone' }),
      NOW,
    ) as FeishuAppPayload;
    const toChat = buildFeishuPayload(
      notifierDelivery(),
      appConfig({ urgent: 'app', receiveIds: ['oc_ops'] }),
      NOW,
    );
    const byUserId = buildFeishuPayload(
      notifierDelivery(),
      appConfig({ urgent: 'sms', receiveIdType: 'user_id', receiveIds: ['5d9bdxxx'] }),
      NOW,
    ) as FeishuAppPayload;

    expect(toUser.messages[0].urgent).toEqual({
      kind: 'phone',
      userIdType: 'open_id',
      userId: 'ou_7d8a6e6df7621556ce0d21922b676706ccs',
    });
    expect((toChat as FeishuAppPayload).messages[0].urgent).toBeUndefined();
    expect(byUserId.messages[0].urgent).toEqual({ kind: 'sms', userIdType: 'user_id', userId: '5d9bdxxx' });
  });

  it('colours the header by trigger and leaves out what is empty', () => {
    const base = notifierDelivery();
    const delivery = notifierDelivery({
      message: { title: 'Deployed', markdown: ' ', text: '' },
      notification: { ...base.notification, trigger: 'success', actions: [] },
    });

    const { messages } = buildFeishuPayload(
      delivery,
      appConfig({ receiveIds: ['oc_ops'] }),
      NOW,
    ) as FeishuAppPayload;

    expect(JSON.parse(messages[0].body.content)).toEqual({
      config: { wide_screen_mode: true },
      header: { template: 'green', title: { tag: 'plain_text', content: 'Deployed' } },
      elements: [],
    });
  });

  it('keeps event data from mentioning everyone or restyling the card', () => {
    const delivery = notifierDelivery({
      message: { title: 'x', markdown: 'branch <at id=all></at> and <font color="red">x</font>', text: '' },
    });

    const { messages } = buildFeishuPayload(
      delivery,
      appConfig({ receiveIds: ['oc_ops'] }),
      NOW,
    ) as FeishuAppPayload;

    expect(JSON.parse(messages[0].body.content).elements[0].content).toBe(
      'branch &lt;at id=all&gt;&lt;/at&gt; and &lt;font color="red"&gt;x&lt;/font&gt;',
    );
  });

  it.each([
    ['a notifier delivery without receiveIds', notifierDelivery(), /no receiveIds/],
    [
      'a user without an open_id',
      outboundDelivery({ channel: ChannelName.Feishu, address: null }),
      /no Feishu open_id/,
    ],
  ])('fails permanently on %s', (_case, delivery, message) => {
    const error = thrownBy(() => buildFeishuPayload(delivery, appConfig(), NOW));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toMatch(message);
  });
});

describe('Feishu side requests', () => {
  it('asks for a tenant_access_token with the app id and secret', () => {
    expect(buildFeishuTokenRequest(appConfig())).toEqual({
      url: 'https://open.feishu.cn/open-apis/auth/v3/tenant_access_token/internal',
      body: { app_id: 'cli_a1b2c3', app_secret: 'app-secret' },
    });
  });

  it('PATCHes urgent_<kind> of the message for its recipient', () => {
    const request = buildFeishuUrgentRequest(appConfig({ apiUrl: 'http://127.0.0.1:9000' }), 'om_dc1326', {
      kind: 'sms',
      userIdType: 'open_id',
      userId: 'ou_1',
    });

    expect(request).toEqual({
      url: 'http://127.0.0.1:9000/open-apis/im/v1/messages/om_dc1326/urgent_sms?user_id_type=open_id',
      method: 'PATCH',
      body: { user_id_list: ['ou_1'] },
    });
  });
});
