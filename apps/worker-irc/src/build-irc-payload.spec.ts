import { DeliveryErrorCode } from '@herald/worker-kit';
import { thrownBy } from '@herald/worker-kit/testing';
import { channelDelivery, ircConfig, nickDelivery } from '../test/irc-fixtures.js';
import {
  buildIrcPayload,
  IRC_LINE_MAX_BYTES,
  MAX_LINES_PER_TARGET,
  sourceBudget,
  splitUtf8,
} from './build-irc-payload.js';

function withText(text: string, title = 'Title') {
  const base = channelDelivery();
  return channelDelivery({
    message: { title, markdown: text, text },
    notification: { ...base.notification, actions: [] },
  });
}

describe('buildIrcPayload', () => {
  it('joins the channels and sends each the plain title and body lines', () => {
    const config = ircConfig({ channels: ['#ops', '#alerts'], channelKeys: { '#alerts': 'sesame' } });

    expect(buildIrcPayload(channelDelivery(), config)).toEqual({
      joins: [{ channel: '#ops' }, { channel: '#alerts', key: 'sesame' }],
      messages: [
        {
          target: '#ops',
          lines: [
            'PRIVMSG #ops :Job deploy web failed',
            'PRIVMSG #ops :The job deploy web failed. Open job: https://ci.example.com/jobs/42',
          ],
        },
        {
          target: '#alerts',
          lines: [
            'PRIVMSG #alerts :Job deploy web failed',
            'PRIVMSG #alerts :The job deploy web failed. Open job: https://ci.example.com/jobs/42',
          ],
        },
      ],
    });
  });

  it("messages a user's nick and joins nothing", () => {
    const payload = buildIrcPayload(nickDelivery('ada'), ircConfig({ channels: ['#ops'] }));

    expect(payload.joins).toEqual([]);
    expect(payload.messages.map(({ target }) => target)).toEqual(['ada']);
    expect(payload.messages[0].lines[0]).toBe('PRIVMSG ada :Job deploy web failed');
  });

  it('adds the actions whose link the body lacks', () => {
    const base = channelDelivery();
    const delivery = channelDelivery({
      notification: {
        ...base.notification,
        actions: [
          { label: 'Open job', url: 'https://ci.example.com/jobs/42' },
          { label: 'Rerun', url: 'https://ci.example.com/jobs/42/rerun' },
        ],
      },
    });

    const { lines } = buildIrcPayload(delivery, ircConfig()).messages[0];

    expect(lines.at(-1)).toBe('PRIVMSG #ops :Rerun: https://ci.example.com/jobs/42/rerun');
    expect(lines).toHaveLength(3);
  });

  it('strips colour codes, CTCP markers and other control characters, and drops blank lines', () => {
    const delivery = withText(
      '\u0003' + '4red\u0003 \u0002bold\u0002\r\n\r\n\u0001ACTION waves\u0001\tthen\u007f\u0085 tabs\n   ',
    );

    const { lines } = buildIrcPayload(delivery, ircConfig()).messages[0];

    expect(lines).toEqual([
      'PRIVMSG #ops :Title',
      'PRIVMSG #ops :4red bold',
      'PRIVMSG #ops :ACTION waves  then tabs',
    ]);
  });

  it('does not repeat a title the body starts with', () => {
    const { lines } = buildIrcPayload(withText('Title\nmore', 'Title'), ircConfig()).messages[0];

    expect(lines).toEqual(['PRIVMSG #ops :Title', 'PRIVMSG #ops :more']);
  });

  it('keeps every line within 512 bytes with the server prefix and CRLF, splitting between characters', () => {
    const text = 'é☕𝄞'.repeat(400);
    const config = ircConfig({ nick: 'a-rather-long-nick', channels: ['#a-channel-with-a-long-name'] });

    const { lines } = buildIrcPayload(withText(text), config).messages[0];

    for (const line of lines) {
      expect(sourceBudget(config) + Buffer.byteLength(line) + 2).toBeLessThanOrEqual(IRC_LINE_MAX_BYTES);
      expect(line).not.toContain('\uFFFD');
    }
    const body = lines.slice(1).map((line) => line.replace('PRIVMSG #a-channel-with-a-long-name :', ''));
    expect(body.join('')).toBe(text);
    // Full lines use the budget: not one more character would fit.
    expect(sourceBudget(config) + Buffer.byteLength(lines[1]) + 2).toBeGreaterThan(IRC_LINE_MAX_BYTES - 4);
  });

  it('budgets the prefix for the nick with its in-use suffix, the user name and a 63-byte host', () => {
    expect(sourceBudget({ nick: 'herald' })).toBe(1 + 9 + 1 + 7 + 1 + 63 + 1);
    expect(sourceBudget({ nick: 'herald', username: 'bot' })).toBe(1 + 9 + 1 + 4 + 1 + 63 + 1);
  });

  it(`cuts a message past ${MAX_LINES_PER_TARGET} lines and says how much is missing`, () => {
    const text = Array.from({ length: 30 }, (_, index) => `line ${index}`).join('\n');

    const { lines } = buildIrcPayload(withText(text), ircConfig()).messages[0];

    expect(lines).toHaveLength(MAX_LINES_PER_TARGET);
    expect(lines.at(-2)).toBe('PRIVMSG #ops :line 12');
    expect(lines.at(-1)).toBe('PRIVMSG #ops :[17 more lines not sent]');
  });

  it.each([
    ['no channels for a notifier target', channelDelivery(), ircConfig({ channels: [] })],
    ['a user without an IRC nick', nickDelivery(null as unknown as string), ircConfig()],
    ['a nick with a space', nickDelivery('ada lovelace'), ircConfig()],
    ['a channel key with a space', channelDelivery(), ircConfig({ channelKeys: { '#ops': 'a b' } })],
  ])('fails permanently on %s', (_case, delivery, config) => {
    expect(thrownBy(() => buildIrcPayload(delivery, config)).code).toBe(DeliveryErrorCode.Permanent);
  });
});

describe('splitUtf8', () => {
  it('breaks at the last space in the second half of a piece', () => {
    expect(splitUtf8('aaaa bbbb cccc', 10)).toEqual(['aaaa bbbb', 'cccc']);
  });

  it('cuts a word longer than a piece at the byte limit, never inside a character', () => {
    expect(splitUtf8('ééééé', 4)).toEqual(['éé', 'éé', 'é']);
    expect(splitUtf8('a😀b', 4)).toEqual(['a', '😀', 'b']);
  });

  it('leaves a short line alone', () => {
    expect(splitUtf8('short', 10)).toEqual(['short']);
  });
});
