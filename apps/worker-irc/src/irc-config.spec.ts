import { CHANNEL_REGISTRY, ChannelName, validateChannelConfig } from '@herald/contracts';

const fields = (config: unknown) => validateChannelConfig(ChannelName.Irc, config).map(({ field }) => field);

describe('the irc notifier config', () => {
  it('accepts a full config', () => {
    expect(
      fields({
        host: 'irc.libera.chat',
        port: 6697,
        tls: true,
        tlsSkipVerify: false,
        nick: 'herald[bot]',
        username: 'herald',
        realname: 'Herald notifications',
        password: 'server-pass',
        saslUsername: 'herald',
        saslPassword: 'sasl pass',
        channels: ['#ops', '&local'],
        channelKeys: { '#ops': 'sesame' },
      }),
    ).toEqual([]);
  });

  it('refuses a bad nick, channels without a prefix or with a comma, and a password with a space', () => {
    expect(
      fields({
        host: 'irc',
        port: 0,
        tls: 'yes',
        nick: '9lives',
        password: 'a b',
        channels: ['ops', '#a,#b'],
      }).sort(),
    ).toEqual(['config.channels', 'config.nick', 'config.password', 'config.port', 'config.tls']);
  });

  it('keeps passwords secret and shows the channels a notifier posts to', () => {
    const definition = CHANNEL_REGISTRY[ChannelName.Irc];

    expect(definition.secretFields).toEqual(['password', 'saslPassword']);
    expect(definition.notifierAddress?.({ channels: ['#ops', '#alerts'] })).toBe('#ops, #alerts');
    expect(definition.notifierAddress?.({ channels: [] })).toBeNull();
  });
});
