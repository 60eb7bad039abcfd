import { ChannelName, type SlackConfigDto } from '@herald/contracts';
import { DeliveryErrorCode, type OutboundDelivery } from '@herald/worker-kit';
import { outboundDelivery, thrownBy } from '@herald/worker-kit/testing';
import { buildSlackPayload, type SlackBlock, SlackVia } from './build-slack-payload.js';

const BOT: SlackConfigDto = { botToken: 'xoxb-1-2-abc', channels: ['#ops', 'C0123ABCD'] };
const WEBHOOK: SlackConfigDto = { webhookUrl: 'https://hooks.slack.com/services/T0/B0/secret' };

/** A delivery for a notifier target (attached to a resource): no user, no address. */
function notifierDelivery(overrides: Partial<OutboundDelivery> = {}): OutboundDelivery {
  return outboundDelivery({ channel: ChannelName.Slack, user: null, ...overrides });
}

function userDelivery(address: string | null = 'U024BE7LH'): OutboundDelivery {
  return outboundDelivery({ channel: ChannelName.Slack, address });
}

const EXPECTED_BLOCKS: SlackBlock[] = [
  { type: 'header', text: { type: 'plain_text', text: 'Job deploy web failed', emoji: true } },
  {
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: 'The job *deploy web* failed. <https://ci.example.com/jobs/42|Open job>',
    },
  },
  {
    type: 'actions',
    elements: [
      {
        type: 'button',
        text: { type: 'plain_text', text: 'Open job', emoji: true },
        url: 'https://ci.example.com/jobs/42',
        action_id: 'herald-action-0',
      },
    ],
  },
];

describe('buildSlackPayload', () => {
  describe('Web API (bot token)', () => {
    it('posts chat.postMessage once per configured channel, with the bearer token', () => {
      const requests = buildSlackPayload(notifierDelivery(), BOT);

      expect(requests).toEqual(
        ['#ops', 'C0123ABCD'].map((channel) => ({
          via: SlackVia.WebApi,
          target: channel,
          url: 'https://slack.com/api/chat.postMessage',
          headers: {
            'Content-Type': 'application/json; charset=utf-8',
            Authorization: 'Bearer xoxb-1-2-abc',
          },
          body: { channel, text: 'Job deploy web failed', blocks: EXPECTED_BLOCKS },
        })),
      );
    });

    it('sends a user-targeted delivery to the member id only, even with channels configured', () => {
      const requests = buildSlackPayload(userDelivery('U024BE7LH'), {
        ...BOT,
        threadTs: '1503435956.000247',
      });

      expect(requests).toHaveLength(1);
      expect(requests[0].target).toBe('U024BE7LH');
      expect(requests[0].body).toEqual({
        channel: 'U024BE7LH',
        text: 'Job deploy web failed',
        blocks: EXPECTED_BLOCKS,
      });
    });

    it('replies in the configured thread', () => {
      const [request] = buildSlackPayload(notifierDelivery(), { ...BOT, threadTs: '1503435956.000247' });

      expect(request.body.thread_ts).toBe('1503435956.000247');
    });

    it('uses the configured apiUrl, with or without a trailing slash', () => {
      const [plain] = buildSlackPayload(notifierDelivery(), { ...BOT, apiUrl: 'http://127.0.0.1:9000/api' });
      const [slashed] = buildSlackPayload(notifierDelivery(), {
        ...BOT,
        apiUrl: 'http://127.0.0.1:9000/api/',
      });

      expect([plain.url, slashed.url]).toEqual([
        'http://127.0.0.1:9000/api/chat.postMessage',
        'http://127.0.0.1:9000/api/chat.postMessage',
      ]);
    });

    it.each([
      [
        'a user without a member id',
        () => buildSlackPayload(userDelivery(null), BOT),
        /has no Slack member id/,
      ],
      [
        'a notifier target with no channels',
        () => buildSlackPayload(notifierDelivery(), { botToken: 'xoxb-1' }),
        /names no channels/,
      ],
    ])('fails permanently for %s', (_case, build, message) => {
      const error = thrownBy(build);

      expect(error.code).toBe(DeliveryErrorCode.Permanent);
      expect(error.message).toMatch(message);
    });
  });

  describe('incoming webhook', () => {
    it('posts {text, blocks} to the webhook url, without channel or token', () => {
      expect(buildSlackPayload(notifierDelivery(), WEBHOOK)).toEqual([
        {
          via: SlackVia.Webhook,
          target: 'webhook',
          url: 'https://hooks.slack.com/services/T0/B0/secret',
          headers: { 'Content-Type': 'application/json' },
          body: { text: 'Job deploy web failed', blocks: EXPECTED_BLOCKS },
        },
      ]);
    });

    it('refuses a user-targeted delivery, which a webhook cannot reach', () => {
      const error = thrownBy(() => buildSlackPayload(userDelivery(), WEBHOOK));

      expect(error.code).toBe(DeliveryErrorCode.Permanent);
      expect(error.message).toMatch(/bot token/);
    });
  });

  describe('blocks', () => {
    function blocksOf(
      message: OutboundDelivery['message'],
      actions = notifierDelivery().notification.actions,
    ) {
      const base = notifierDelivery();
      const delivery = notifierDelivery({ message, notification: { ...base.notification, actions } });
      return buildSlackPayload(delivery, BOT)[0].body;
    }

    it('leaves out the header and actions when there is no title and no action, and falls back to the text', () => {
      const body = blocksOf({ title: '', markdown: 'Only **body**', text: 'Only body <3' }, []);

      expect(body.text).toBe('Only body &lt;3');
      expect(body.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'Only *body*' } }]);
    });

    it('escapes the fallback text and clips the header to 150 characters', () => {
      const title = `A & B <${'x'.repeat(200)}>`;

      const body = blocksOf({ title, markdown: '', text: '' }, []);

      expect(body.text.startsWith('A &amp; B &lt;x')).toBe(true);
      const header = body.blocks[0] as Extract<SlackBlock, { type: 'header' }>;
      expect(header.text.text).toHaveLength(150);
      expect(header.text.text.endsWith('…')).toBe(true);
    });

    it('splits a long body into sections of at most 3000 characters, at line breaks', () => {
      const line = 'y'.repeat(999);
      const markdown = Array.from({ length: 7 }, () => line).join('\n');

      const sections = blocksOf({ title: '', markdown, text: '' }, []).blocks.map(
        (block) => (block as Extract<SlackBlock, { type: 'section' }>).text.text,
      );

      expect(sections.map((text) => text.length)).toEqual([2999, 2999, 999]);
    });

    it('keeps at most 25 buttons, drops urls Slack refuses, and clips labels to 75 characters', () => {
      const actions = [
        { label: 'L'.repeat(80), url: 'https://x.example/0' },
        { label: 'too long', url: `https://x.example/${'u'.repeat(3000)}` },
        ...Array.from({ length: 30 }, (_, index) => ({
          label: `a${index}`,
          url: `https://x.example/${index}`,
        })),
      ];

      const blocks = blocksOf({ title: 'T', markdown: 'b', text: 'b' }, actions).blocks;

      const buttons = (blocks.at(-1) as Extract<SlackBlock, { type: 'actions' }>).elements;
      expect(buttons).toHaveLength(25);
      expect(buttons[0].text.text).toHaveLength(75);
      expect(buttons.map((button) => button.url)).not.toContain(actions[1].url);
      expect(new Set(buttons.map((button) => button.action_id)).size).toBe(25);
    });

    it('never exceeds 50 blocks', () => {
      const markdown = Array.from({ length: 60 }, () => 'z'.repeat(2999)).join('\n');

      const blocks = blocksOf({ title: 'T', markdown, text: '' }).blocks;

      expect(blocks).toHaveLength(50);
      expect(blocks[0].type).toBe('header');
      expect(blocks.at(-1)?.type).toBe('actions');
    });
  });
});
