import { outboundDelivery } from '@herald/worker-kit/testing';
import {
  buildDiscordPayload,
  DEFAULT_EMBED_COLOR,
  MAX_CONTENT_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  truncate,
} from './build-discord-payload.js';

const WEBHOOK_URL = 'https://discord.com/api/webhooks/1234567890/tok-EN_value';

describe('buildDiscordPayload', () => {
  it('executes the webhook with wait=true, the title as content and one embed', () => {
    const delivery = outboundDelivery();

    expect(buildDiscordPayload(delivery, { webhookUrl: WEBHOOK_URL })).toEqual({
      url: `${WEBHOOK_URL}?wait=true`,
      body: {
        content: 'Job **deploy web** failed',
        embeds: [
          {
            title: 'Job deploy web failed',
            description:
              'The job **deploy web** failed. [Open job](https://ci.example.com/jobs/42)\n\n[Open job](https://ci.example.com/jobs/42)',
            url: 'https://ci.example.com/jobs/42',
            color: 0xe01e5a,
            fields: [
              { name: 'Source', value: 'job_template 42', inline: true },
              { name: 'Trigger', value: 'error', inline: true },
            ],
            timestamp: '2026-01-02T03:04:05.000Z',
          },
        ],
        allowed_mentions: { parse: [] },
      },
    });
  });

  it('keeps the query of a thread webhook and adds the name and avatar overrides', () => {
    const config = {
      webhookUrl: `${WEBHOOK_URL}?thread_id=987`,
      username: 'Herald',
      avatarUrl: 'https://herald.example.com/logo.png',
    };

    const { url, body } = buildDiscordPayload(outboundDelivery(), config);

    expect(url).toBe(`${WEBHOOK_URL}?thread_id=987&wait=true`);
    expect(body.username).toBe('Herald');
    expect(body.avatar_url).toBe('https://herald.example.com/logo.png');
  });

  it('leaves out the link, fields and action line a notification lacks', () => {
    const base = outboundDelivery();
    const delivery = outboundDelivery({
      message: { title: 'Nightly build', markdown: 'All **green**.', text: '' },
      notification: { ...base.notification, source: null, trigger: null, actions: [] },
    });

    const [embed] = buildDiscordPayload(delivery, { webhookUrl: WEBHOOK_URL }).body.embeds;

    expect(embed).toEqual({
      title: 'Nightly build',
      description: 'All **green**.',
      color: DEFAULT_EMBED_COLOR,
      timestamp: '2026-01-02T03:04:05.000Z',
    });
  });

  it('escapes action labels and URLs so each stays one Markdown link', () => {
    const base = outboundDelivery();
    const delivery = outboundDelivery({
      message: { title: 't', markdown: '', text: '' },
      notification: {
        ...base.notification,
        actions: [
          { label: 'Logs [raw]', url: 'https://ci.example.com/logs (1)' },
          { label: 'Run', url: 'https://ci.example.com/runs/7' },
        ],
      },
    });

    const [embed] = buildDiscordPayload(delivery, { webhookUrl: WEBHOOK_URL }).body.embeds;

    expect(embed.description).toBe(
      '[Logs \\[raw\\]](https://ci.example.com/logs%20%281%29) · [Run](https://ci.example.com/runs/7)',
    );
  });

  it('cuts the body, not the action links, to the 4096-character description limit', () => {
    const delivery = outboundDelivery({
      message: { title: 'x'.repeat(3000), markdown: 'y'.repeat(10_000), text: '' },
    });

    const { body } = buildDiscordPayload(delivery, { webhookUrl: WEBHOOK_URL });

    expect(body.content).toHaveLength(MAX_CONTENT_LENGTH);
    expect(body.content.endsWith('x…')).toBe(true);
    expect(body.embeds[0].title).toHaveLength(256);
    expect(body.embeds[0].description).toHaveLength(MAX_DESCRIPTION_LENGTH);
    expect(body.embeds[0].description.endsWith('y…\n\n[Open job](https://ci.example.com/jobs/42)')).toBe(
      true,
    );
  });

  it('colours the embed by trigger', () => {
    const base = outboundDelivery();
    const colorFor = (trigger: string) =>
      buildDiscordPayload(outboundDelivery({ notification: { ...base.notification, trigger } }), {
        webhookUrl: WEBHOOK_URL,
      }).body.embeds[0].color;

    expect(colorFor('success')).toBe(0x2eb67d);
    expect(colorFor('approval')).toBe(0xecb22e);
    expect(colorFor('github.push')).toBe(DEFAULT_EMBED_COLOR);
  });
});

describe('truncate', () => {
  it('keeps text that fits and never cuts a surrogate pair in half', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('ab🚀cd', 4)).toBe('ab…');
    expect(truncate('abc🚀d', 4)).toBe('abc…');
  });
});
