import { DeliveryError } from '@herald/worker-kit';
import { classifyIrcError, IRC_TARGET_MISSES } from './classify-irc-error.js';
import type { IrcConnection } from './irc-connection.js';
import { type IrcMessage, ircLower, isNumeric, nickOf } from './irc-message.js';
import type { IrcPayload } from './build-irc-payload.js';

export interface IrcIdentity {
  nick: string;
  username: string;
  realname: string;
  /** Server password (PASS). */
  password?: string;
  sasl?: { username: string; password: string };
}

/** A target the message did not reach, with the server's reply; it does not fail the delivery. */
export interface IrcMiss {
  target: string;
  code: string;
  reason: string;
}

const MAX_NICK_TRIES = 3;
// IRCv3 SASL: the base64 response goes in pieces of 400 bytes, and a last full piece is followed
// by `AUTHENTICATE +`.
const SASL_CHUNK = 400;

/**
 * One delivery's conversation with an IRC server. Commands go out in windows of a few lines, each
 * closed by a PING whose PONG proves the server has processed them: that is when its replies to
 * them (a failed JOIN, 401 for a missing nick) have all arrived, and it keeps the unread lines
 * in the server's buffer small enough for any flood control to delay rather than drop us.
 */
export class IrcSession {
  private nick = '';
  private fences = 0;

  constructor(
    private readonly connection: IrcConnection,
    private readonly windowLines = 4,
  ) {}

  /** PASS, SASL PLAIN, NICK and USER up to 001; resolves with the nick the server gave us. */
  async register(identity: IrcIdentity): Promise<string> {
    const { connection } = this;
    let nick = identity.nick;
    let tries = 0;
    let authenticated = false;
    if (identity.password) connection.send(`PASS ${identity.password}`);
    if (identity.sasl) connection.send('CAP REQ :sasl');
    connection.send(`NICK ${nick}`);
    connection.send(`USER ${identity.username} 0 * :${identity.realname}`);

    for (;;) {
      const message = await connection.next();
      const { command, params } = message;
      if (command === '001') {
        if (identity.sasl && !authenticated) {
          throw DeliveryError.permanent('the IRC server registered us without SASL authentication');
        }
        this.nick = params[0] ?? nick;
        return this.nick;
      }
      if (command === 'CAP' && params[1]?.toUpperCase() === 'ACK') connection.send('AUTHENTICATE PLAIN');
      else if (command === 'AUTHENTICATE' && params[0] === '+' && identity.sasl) {
        for (const piece of saslPlain(identity.sasl)) connection.send(`AUTHENTICATE ${piece}`);
      } else if (command === '903') {
        authenticated = true;
        connection.send('CAP END');
      } else if (['433', '436', '437'].includes(command) && tries < MAX_NICK_TRIES) {
        tries += 1;
        nick = `${identity.nick}${'_'.repeat(tries)}`;
        connection.send(`NICK ${nick}`);
      } else if (command === '432' && tries > 0) {
        // Our longer variant broke the server's NICKLEN: keep the length, end it with underscores.
        nick = `${identity.nick.slice(0, Math.max(1, identity.nick.length - tries))}${'_'.repeat(tries)}`;
        connection.send(`NICK ${nick}`);
      } else {
        const failure = classifyIrcError({ reply: message });
        if (failure) throw failure;
      }
    }
  }

  /** Joins the channels; those the server refused are returned as misses. */
  async join(joins: IrcPayload['joins']): Promise<{ joined: string[]; misses: IrcMiss[] }> {
    const joined: string[] = [];
    const misses: IrcMiss[] = [];
    for (const window of windows(joins, this.windowLines)) {
      const replies = await this.exchange(
        window.map(({ channel, key }) => `JOIN ${channel}${key ? ` ${key}` : ''}`),
      );
      for (const { channel } of window) {
        const echoed = replies.some(
          (reply) =>
            reply.command === 'JOIN' &&
            ircLower(nickOf(reply.source)) === ircLower(this.nick) &&
            ircLower(reply.params[0] ?? '') === ircLower(channel),
        );
        if (echoed) joined.push(channel);
        else misses.push(missOf(replies, channel) ?? { target: channel, code: 'JOIN', reason: 'not joined' });
      }
    }
    return { joined, misses };
  }

  /** Sends each target its lines; a target the server refuses gets no more of them. */
  async deliver(messages: IrcPayload['messages']): Promise<IrcMiss[]> {
    const misses: IrcMiss[] = [];
    for (const { target, lines } of messages) {
      for (const window of windows(lines, this.windowLines)) {
        const miss = missOf(await this.exchange(window), target);
        if (miss) {
          misses.push(miss);
          break;
        }
      }
    }
    return misses;
  }

  /** QUIT, then wait (at most `timeoutMs`) for the server to close the connection. */
  async quit(timeoutMs: number): Promise<void> {
    this.connection.send('QUIT :Herald');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([this.connection.closed, timeout]);
    clearTimeout(timer);
  }

  /** Sends the lines and a PING, and returns what the server said until its PONG. */
  private async exchange(lines: string[]): Promise<IrcMessage[]> {
    this.fences += 1;
    const token = `herald-${this.fences}`;
    for (const line of lines) this.connection.send(line);
    this.connection.send(`PING :${token}`);
    const replies: IrcMessage[] = [];
    for (;;) {
      const message = await this.connection.next();
      if (message.command === 'PONG' && message.params.at(-1) === token) return replies;
      const failure = message.command === 'ERROR' ? classifyIrcError({ reply: message }) : null;
      if (failure) throw failure;
      replies.push(message);
    }
  }
}

/** The first error reply naming the target (params[1]), as a miss. */
function missOf(replies: IrcMessage[], target: string): IrcMiss | undefined {
  const reply = replies.find(
    (candidate) =>
      isNumeric(candidate) &&
      Number(candidate.command) >= 400 &&
      ircLower(candidate.params[1] ?? '') === ircLower(target),
  );
  if (!reply) return undefined;
  return {
    target,
    code: reply.command,
    reason: IRC_TARGET_MISSES[reply.command] ?? reply.params.at(-1) ?? '',
  };
}

function windows<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

function saslPlain({ username, password }: { username: string; password: string }): string[] {
  const encoded = Buffer.from(`\0${username}\0${password}`, 'utf8').toString('base64');
  const pieces = encoded.match(new RegExp(`.{1,${SASL_CHUNK}}`, 'g')) ?? [];
  return encoded.length % SASL_CHUNK === 0 ? [...pieces, '+'] : pieces;
}
