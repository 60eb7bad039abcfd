import { ircLower, nickOf, parseIrcMessage } from './irc-message.js';

describe('parseIrcMessage', () => {
  it('reads the source, the command and the trailing parameter with its spaces', () => {
    expect(parseIrcMessage(':ada!~ada@host PRIVMSG #ops :hello there :)\r\n')).toEqual({
      source: 'ada!~ada@host',
      command: 'PRIVMSG',
      params: ['#ops', 'hello there :)'],
    });
  });

  it('reads a numeric, a line without a source, and drops IRCv3 tags', () => {
    expect(parseIrcMessage(':irc.test 001 herald :Welcome')).toMatchObject({
      command: '001',
      params: ['herald', 'Welcome'],
    });
    expect(parseIrcMessage('PING :token')).toEqual({ source: undefined, command: 'PING', params: ['token'] });
    expect(parseIrcMessage('@time=2026-01-01T00:00:00Z :a!b@c join #x')).toMatchObject({
      command: 'JOIN',
      params: ['#x'],
    });
  });

  it('ignores an empty line', () => {
    expect(parseIrcMessage('\r\n')).toBeUndefined();
  });
});

describe('names', () => {
  it('compares with the rfc1459 casemapping', () => {
    expect(ircLower('Herald[Bot]^')).toBe(ircLower('herald{bot}~'));
    expect(nickOf('ada!~ada@host')).toBe('ada');
  });
});
