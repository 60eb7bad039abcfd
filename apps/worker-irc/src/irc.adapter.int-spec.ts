import { createServer, type Server, type Socket } from 'node:net';
import { DeliveryErrorCode } from '@herald/worker-kit';
import { failureOf, openSignal } from '@herald/worker-kit/testing';
import { IrcListener } from '../test/irc-listener.js';
import { channelDelivery, ircConfig, ircNotifier, nickDelivery } from '../test/irc-fixtures.js';
import { freePort, type NgircdServer, startNgircd } from '../test/ngircd-server.js';
import { buildIrcPayload } from './build-irc-payload.js';
import { IrcAdapter } from './irc.adapter.js';

let open: NgircdServer;
let throttled: NgircdServer;
let guarded: NgircdServer;
const listeners: IrcListener[] = [];

beforeAll(async () => {
  [open, throttled, guarded] = await Promise.all([
    startNgircd(),
    startNgircd({ floodControl: true }),
    startNgircd({ password: 's3cret', tls: true }),
  ]);
});

afterAll(async () => {
  await Promise.all([open?.stop(), throttled?.stop(), guarded?.stop()]);
});

afterEach(() => listeners.splice(0).forEach((listener) => listener.close()));

async function listener(
  nick: string,
  channels: string[] = [],
  server = open,
  password?: string,
): Promise<IrcListener> {
  const connected = await IrcListener.connect(server.port, nick, channels, password);
  listeners.push(connected);
  return connected;
}

describe('IrcAdapter against a real ngIRCd', () => {
  it('joins the channels and posts the title and body to each, then quits', async () => {
    const reader = await listener('reader', ['#ops', '#alerts']);
    const config = ircConfig({ port: open.port, channels: ['#ops', '#alerts'] });

    const result = await new IrcAdapter().send(channelDelivery(), ircNotifier(config), openSignal());

    expect(result).toEqual({});
    const received = await reader.waitForMessages(4);
    expect(received.map(({ from, target, text }) => [from, target, text])).toEqual([
      ['herald', '#ops', 'Job deploy web failed'],
      ['herald', '#ops', 'The job deploy web failed. Open job: https://ci.example.com/jobs/42'],
      ['herald', '#alerts', 'Job deploy web failed'],
      ['herald', '#alerts', 'The job deploy web failed. Open job: https://ci.example.com/jobs/42'],
    ]);
    await reader.waitForLine((line) => /^:herald!\S+ QUIT :/.test(line));
  });

  it("messages a user's nick, joining nothing", async () => {
    const reader = await listener('ada', ['#ops']);
    const config = ircConfig({ port: open.port, channels: ['#ops'] });

    await new IrcAdapter().send(nickDelivery('ada'), ircNotifier(config), openSignal());

    const [first, second] = await reader.waitForMessages(2);
    expect([first.target, second.target]).toEqual(['ada', 'ada']);
    expect(first.text).toBe('Job deploy web failed');
    // A JOIN of #ops would have reached the reader, who is in it, before the messages.
    expect(reader.lines.filter((line) => line.startsWith(':herald!'))).toHaveLength(2);
  });

  it('splits a long message into lines of at most 512 bytes that arrive complete and in order, through flood control', async () => {
    const reader = await listener('reader', ['#ops'], throttled);
    const words = Array.from({ length: 160 }, (_, index) => `mot-${index}-été☕`);
    const text = words.join(' ');
    const base = channelDelivery();
    const delivery = channelDelivery({
      message: { title: 'Long', markdown: text, text },
      notification: { ...base.notification, actions: [] },
    });
    const config = ircConfig({ port: throttled.port });

    await new IrcAdapter().send(delivery, ircNotifier(config), openSignal());

    const expected = buildIrcPayload(delivery, config).messages[0].lines;
    expect(expected.length).toBeGreaterThan(6);
    const received = await reader.waitForMessages(expected.length);
    expect(received.map(({ text: line }) => line)).toEqual(
      expected.map((line) => line.replace(/^PRIVMSG #ops :/, '')),
    );
    expect(
      received
        .slice(1)
        .map(({ text: line }) => line)
        .join(' '),
    ).toBe(text);
    for (const { raw } of received) expect(raw.length).toBeLessThanOrEqual(512);
  });

  it('takes a missing nick as no failure and says so in the result', async () => {
    const config = ircConfig({ port: open.port });

    const result = await new IrcAdapter().send(nickDelivery('nobody'), ircNotifier(config), openSignal());

    expect(result).toEqual({ providerCode: '401 nobody (no such nick)' });
  });

  it('skips an invite-only channel, joins a keyed one with its key, and posts to it', async () => {
    const owner = await listener('owner', ['#private', '#locked']);
    owner.write('MODE #private +i', 'MODE #locked +k sesame');
    await owner.waitForLine((line) => line.includes('MODE #locked +k'));
    const config = ircConfig({
      port: open.port,
      channels: ['#private', '#locked'],
      channelKeys: { '#locked': 'sesame' },
    });

    const result = await new IrcAdapter().send(channelDelivery(), ircNotifier(config), openSignal());

    expect(result).toEqual({ providerCode: '473 #private (channel is invite only)' });
    const received = await owner.waitForMessages(2);
    expect(received.map(({ target }) => target)).toEqual(['#locked', '#locked']);
  });

  it('takes another nick when its own is in use', async () => {
    const reader = await listener('herald', ['#ops']);

    await new IrcAdapter().send(channelDelivery(), ircNotifier(ircConfig({ port: open.port })), openSignal());

    const [first] = await reader.waitForMessages(2);
    expect(first.from).toBe('herald_');
  });

  it('registers with the server password', async () => {
    const reader = await listener('reader', ['#ops'], guarded, 's3cret');
    const config = ircConfig({ port: guarded.port, password: 's3cret' });

    const result = await new IrcAdapter().send(channelDelivery(), ircNotifier(config), openSignal());

    expect(result).toEqual({});
    expect((await reader.waitForMessages(2)).map(({ from }) => from)).toEqual(['herald', 'herald']);
  });

  it('connects with TLS, checking the certificate unless tlsSkipVerify says not to', async () => {
    const reader = await listener('reader', ['#ops'], guarded, 's3cret');
    const config = ircConfig({ port: guarded.tlsPort, tls: true, password: 's3cret' });

    const refused = await failureOf(
      new IrcAdapter().send(channelDelivery(), ircNotifier(config), openSignal()),
    );
    const accepted = await new IrcAdapter().send(
      channelDelivery(),
      ircNotifier({ ...config, tlsSkipVerify: true }),
      openSignal(),
    );

    expect(refused.code).toBe(DeliveryErrorCode.Retryable);
    expect(refused.providerCode).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(accepted).toEqual({});
    expect(await reader.waitForMessages(2)).toHaveLength(2);
  });

  it('fails permanently on a wrong server password', async () => {
    const config = ircConfig({ port: guarded.port, password: 'wrong' });

    const error = await failureOf(
      new IrcAdapter().send(channelDelivery(), ircNotifier(config), openSignal()),
    );

    // ngIRCd closes with `ERROR :Access denied: Bad password?` and no 464 before it.
    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('ERROR');
    expect(error.message).toMatch(/Bad password/);
  });

  it('fails permanently when SASL is configured and the server does not offer it', async () => {
    const config = ircConfig({ port: open.port, saslUsername: 'herald', saslPassword: 'pw' });

    const error = await failureOf(
      new IrcAdapter().send(channelDelivery(), ircNotifier(config), openSignal()),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('CAP NAK');
  });

  it('retries when the connection is refused', async () => {
    const config = ircConfig({ port: await freePort() });

    const error = await failureOf(
      new IrcAdapter().send(channelDelivery(), ircNotifier(config), openSignal()),
    );

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.providerCode).toBe('ECONNREFUSED');
  });
});

describe('IrcAdapter against a scripted server', () => {
  let server: Server;
  const sockets: Socket[] = [];

  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.destroy());
    await new Promise((resolve) => server.close(resolve));
  });

  /** A server that answers each line the client sends with what `script` returns. */
  async function scripted(script: (line: string, socket: Socket) => string[]): Promise<number> {
    server = createServer((socket) => {
      sockets.push(socket);
      let buffer = '';
      socket.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        for (let end = buffer.indexOf('\r\n'); end !== -1; end = buffer.indexOf('\r\n')) {
          const line = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          for (const reply of script(line, socket)) socket.write(`${reply}\r\n`);
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as { port: number }).port;
  }

  it('authenticates with SASL PLAIN before ending capability negotiation', async () => {
    const seen: string[] = [];
    const port = await scripted((line, socket) => {
      seen.push(line);
      if (line === 'CAP REQ :sasl') return [':irc.test CAP * ACK :sasl'];
      if (line === 'AUTHENTICATE PLAIN') return ['AUTHENTICATE +'];
      if (line.startsWith('AUTHENTICATE '))
        return [':irc.test 900 herald herald!herald@h herald :logged in', ':irc.test 903 herald :SASL ok'];
      if (line === 'CAP END') return [':irc.test 001 herald :Welcome'];
      if (line.startsWith('PING ')) return [`:irc.test PONG irc.test :${line.split(':')[1]}`];
      if (line.startsWith('QUIT')) socket.end('ERROR :Closing link\r\n');
      return [];
    });
    const config = ircConfig({ port, saslUsername: 'acct', saslPassword: 'pässword' });

    await new IrcAdapter().send(nickDelivery('ada'), ircNotifier(config), openSignal());

    const credentials = Buffer.from('\0acct\0pässword').toString('base64');
    expect(seen.slice(0, 7)).toEqual([
      'CAP REQ :sasl',
      'NICK herald',
      'USER herald 0 * :Herald',
      'AUTHENTICATE PLAIN',
      `AUTHENTICATE ${credentials}`,
      'CAP END',
      'PRIVMSG ada :Job deploy web failed',
    ]);
  });

  it('fails permanently when SASL authentication fails', async () => {
    const port = await scripted((line) => {
      if (line === 'CAP REQ :sasl') return [':irc.test CAP * ACK :sasl'];
      if (line === 'AUTHENTICATE PLAIN') return ['AUTHENTICATE +'];
      if (line.startsWith('AUTHENTICATE ')) return [':irc.test 904 * :SASL authentication failed'];
      return [];
    });
    const config = ircConfig({ port, saslUsername: 'acct', saslPassword: 'wrong' });

    const error = await failureOf(
      new IrcAdapter().send(nickDelivery('ada'), ircNotifier(config), openSignal()),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('904');
  });

  it('retries when the server closes the link with ERROR', async () => {
    const port = await scripted((line, socket) => {
      if (line.startsWith('USER '))
        socket.end('ERROR :Closing Link: 127.0.0.1 (Throttled: reconnecting too fast)\r\n');
      return [];
    });

    const error = await failureOf(
      new IrcAdapter().send(channelDelivery(), ircNotifier(ircConfig({ port })), openSignal()),
    );

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.message).toMatch(/Throttled/);
  });

  it('gives up with a retryable dispatch timeout when aborted while the server says nothing', async () => {
    const port = await scripted(() => []);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);

    const error = await failureOf(
      new IrcAdapter().send(channelDelivery(), ircNotifier(ircConfig({ port })), controller.signal),
    );

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.message).toMatch(/^dispatch timeout/);
  });
});
