import { ChannelName, type MattermostConfigDto } from '@herald/contracts';
import { DeliveryError, DeliveryErrorCode, type OutboundDelivery } from '@herald/worker-kit';
import { outboundDelivery } from '@herald/worker-kit/testing';
import { buildMattermostPayload } from './build-mattermost-payload.js';

const CONFIG: MattermostConfigDto = { webhookUrl: 'https://chat.example.com/hooks/xxx-generatedkey-xxx' };
const TEXT =
  '**Job deploy web failed**\n\n' +
  'The job **deploy web** failed. [Open job](https://ci.example.com/jobs/42)\n\n' +
  '[Open job](https://ci.example.com/jobs/42)';

function forNotifier(overrides: Partial<OutboundDelivery> = {}): OutboundDelivery {
  return outboundDelivery({ channel: ChannelName.Mattermost, user: null, ...overrides });
}

describe('buildMattermostPayload', () => {
  it('posts the bold title, the Markdown body and the actions as links to the webhook', () => {
    expect(buildMattermostPayload(forNotifier(), CONFIG)).toEqual({
      url: 'https://chat.example.com/hooks/xxx-generatedkey-xxx',
      headers: { 'Content-Type': 'application/json' },
      body: { text: TEXT },
    });
  });

  it('adds the configured channel, username and icon', () => {
    const config = {
      ...CONFIG,
      channel: 'town-square',
      username: 'Herald',
      iconUrl: 'https://x.example/h.png',
    };

    expect(buildMattermostPayload(forNotifier(), config).body).toEqual({
      text: TEXT,
      channel: 'town-square',
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
      const delivery = outboundDelivery({ channel: ChannelName.Mattermost, address });

      expect(buildMattermostPayload(delivery, { ...CONFIG, channel: 'town-square' }).body.channel).toBe(
        channel,
      );
    },
  );

  it('fails permanently for a user without a Mattermost username', () => {
    const delivery = outboundDelivery({ channel: ChannelName.Mattermost, address: null });

    expect(() => buildMattermostPayload(delivery, CONFIG)).toThrow(DeliveryError);
    expect(() => buildMattermostPayload(delivery, CONFIG)).toThrow(
      expect.objectContaining({
        code: DeliveryErrorCode.Permanent,
        message: 'user u-1 has no Mattermost username',
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

    expect(buildMattermostPayload(delivery, CONFIG).body.text).toBe(
      '[Open \\[prod\\]](https://x.example/wiki/Job_%28web%29) · [Logs](https://x.example/a%20b)',
    );
  });
});
