import { DeliveryErrorCode } from '@herald/worker-kit';
import { outboundDelivery, thrownBy } from '@herald/worker-kit/testing';
import { buildTelegramPayload, MAX_TEXT_LENGTH } from './build-telegram-payload.js';

const BOT_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const config = { botToken: BOT_TOKEN, chatIds: ['-1001234567890', '@herald_ops'] };

describe('buildTelegramPayload', () => {
  it("sends a user-targeted delivery to the user's chat, as HTML with a button per action", () => {
    const delivery = outboundDelivery({ address: '987654321' });

    expect(buildTelegramPayload(delivery, config)).toEqual([
      {
        chatId: '987654321',
        url: `https://api.telegram.org/bot${BOT_TOKEN}/sendMessage`,
        body: {
          chat_id: '987654321',
          text: '<b>Job deploy web failed</b>\n\nThe job <b>deploy web</b> failed. <a href="https://ci.example.com/jobs/42">Open job</a>',
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          reply_markup: { inline_keyboard: [[{ text: 'Open job', url: 'https://ci.example.com/jobs/42' }]] },
        },
      },
    ]);
  });

  it('sends a notifier delivery to every chat of chatIds, through the configured apiUrl', () => {
    const delivery = outboundDelivery({ user: null, address: '-1001234567890, @herald_ops' });

    const requests = buildTelegramPayload(delivery, { ...config, apiUrl: 'http://127.0.0.1:8081/' });

    expect(requests.map(({ chatId, url, body }) => [chatId, url, body.chat_id])).toEqual([
      ['-1001234567890', `http://127.0.0.1:8081/bot${BOT_TOKEN}/sendMessage`, '-1001234567890'],
      ['@herald_ops', `http://127.0.0.1:8081/bot${BOT_TOKEN}/sendMessage`, '@herald_ops'],
    ]);
  });

  it('leaves out the keyboard without actions, and the body when it is empty', () => {
    const base = outboundDelivery();
    const delivery = outboundDelivery({
      address: '42',
      message: { title: 'Deploy <prod> & "web"', markdown: '', text: '' },
      notification: { ...base.notification, actions: [] },
    });

    const [{ body }] = buildTelegramPayload(delivery, config);

    expect(body.text).toBe('<b>Deploy &lt;prod&gt; &amp; "web"</b>');
    expect(body).not.toHaveProperty('reply_markup');
  });

  it('keeps the message within 4096 visible characters, the title whole', () => {
    const delivery = outboundDelivery({
      address: '42',
      message: { title: 'Title', markdown: `**${'x'.repeat(10_000)}**`, text: '' },
    });

    const [{ body }] = buildTelegramPayload(delivery, config);

    const visible = body.text.replace(/<[^>]+>/g, '');
    expect(visible).toHaveLength(MAX_TEXT_LENGTH);
    expect(body.text.startsWith('<b>Title</b>\n\n<b>xxx')).toBe(true);
    expect(body.text.endsWith('x…</b>')).toBe(true);
  });

  it('drops buttons whose URL Telegram would refuse', () => {
    const base = outboundDelivery();
    const delivery = outboundDelivery({
      address: '42',
      notification: {
        ...base.notification,
        actions: [
          { label: 'Local', url: 'file:///etc/passwd' },
          { label: 'Run', url: 'https://ci.example.com/runs/7' },
        ],
      },
    });

    const [{ body }] = buildTelegramPayload(delivery, config);

    expect(body.reply_markup).toEqual({
      inline_keyboard: [[{ text: 'Run', url: 'https://ci.example.com/runs/7' }]],
    });
  });

  it.each([null, '', 'not a chat'])('fails permanently for a user whose chat id is %p', (address) => {
    const error = thrownBy(() => buildTelegramPayload(outboundDelivery({ address }), config));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toMatch(/user u-1 has no valid telegram chat id/);
  });

  it('fails permanently for a notifier delivery without chatIds', () => {
    const error = thrownBy(() =>
      buildTelegramPayload(outboundDelivery({ user: null }), { botToken: BOT_TOKEN }),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toBe('the telegram notifier has no chatIds to post to');
  });
});
