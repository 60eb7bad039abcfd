import { ChannelName, type RocketChatConfigDto } from '@herald/contracts';
import { DeliveryErrorCode, type OutboundDelivery } from '@herald/worker-kit';
import { outboundDelivery } from '@herald/worker-kit/testing';
import { buildRocketChatPayload } from './build-rocketchat-payload.js';

const CONFIG: RocketChatConfigDto = {
  webhookUrl: 'https://chat.example.com/hooks/D2oXe5wZEAKFYKds6/eQJ2dyMq6yPvAb',
};
const TEXT =
  '*Job deploy web failed*\n\n' +
  'The job **deploy web** failed. [Open job](https://ci.example.com/jobs/42)\n\n' +
  '[Open job](https://ci.example.com/jobs/42)';

function forNotifier(overrides: Partial<OutboundDelivery> = {}): OutboundDelivery {
  return outboundDelivery({ channel: ChannelName.RocketChat, user: null, ...overrides });
}

describe('buildRocketChatPayload', () => {
  it('posts the bold title, the Markdown body and the actions as links to the webhook', () => {
    expect(buildRocketChatPayload(forNotifier(), CONFIG)).toEqual({
      url: CONFIG.webhookUrl,
      headers: { 'Content-Type': 'application/json' },
      body: { text: TEXT },
    });
  });

  it('adds the configured channel, alias and avatar under their Slack-compatible names', () => {
    const config = { ...CONFIG, channel: '#general', username: 'Herald', iconUrl: 'https://x.example/h.png' };

    expect(buildRocketChatPayload(forNotifier(), config).body).toEqual({
      text: TEXT,
      channel: '#general',
      username: 'Herald',
      icon_url: 'https://x.example/h.png',
    });
  });

  it.each([
    ['ada', '@ada'],
    ['@ada', '@ada'],
  ])(
    'sends a user-targeted delivery to %p as the direct message %p, whatever the configured channel',
    (address, channel) => {
      const delivery = outboundDelivery({ channel: ChannelName.RocketChat, address });

      expect(buildRocketChatPayload(delivery, { ...CONFIG, channel: '#general' }).body.channel).toBe(channel);
    },
  );

  it('fails permanently for a user without a Rocket.Chat username', () => {
    const delivery = outboundDelivery({ channel: ChannelName.RocketChat, address: null });

    expect(() => buildRocketChatPayload(delivery, CONFIG)).toThrow(
      expect.objectContaining({
        code: DeliveryErrorCode.Permanent,
        message: 'user u-1 has no Rocket.Chat username',
      }),
    );
  });

  it('keeps links whole when labels have brackets and urls have parentheses or spaces', () => {
    const base = forNotifier();
    const actions = [
      { label: 'Open [prod]', url: 'https://x.example/wiki/Job_(web)' },
      { label: 'Logs', url: 'https://x.example/a b' },
    ];
    const delivery = forNotifier({
      message: { title: '', markdown: '', text: '' },
      notification: { ...base.notification, actions },
    });

    expect(buildRocketChatPayload(delivery, CONFIG).body.text).toBe(
      '[Open prod](https://x.example/wiki/Job_%28web%29) · [Logs](https://x.example/a%20b)',
    );
  });
});
