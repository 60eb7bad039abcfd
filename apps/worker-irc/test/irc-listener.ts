import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ReceivedLine {
  /** The full line as the listener's client got it, CRLF included. */
  raw: Buffer;
  from: string;
  target: string;
  text: string;
}

/**
 * A second IRC client, on a raw socket and independent of the adapter's code: it registers, joins
 * channels and records every PRIVMSG it is sent, byte for byte.
 */
export class IrcListener {
  readonly received: ReceivedLine[] = [];
  private buffer = Buffer.alloc(0);
  /** Every line received, CRLF removed. */
  readonly lines: string[] = [];

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  static async connect(
    port: number,
    nick: string,
    channels: string[] = [],
    password?: string,
  ): Promise<IrcListener> {
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const listener = new IrcListener(socket);
    if (password) listener.write(`PASS ${password}`);
    listener.write(`NICK ${nick}`, `USER ${nick} 0 * :listener`);
    await listener.waitForLine((line) => / 001 /.test(line));
    for (const channel of channels) {
      listener.write(`JOIN ${channel}`);
      await listener.waitForLine((line) => line.includes(` 366 ${nick} ${channel} `));
    }
    return listener;
  }

  write(...commands: string[]): void {
    for (const command of commands) this.socket.write(`${command}\r\n`);
  }

  async waitForMessages(count: number, timeoutMs = 15_000): Promise<ReceivedLine[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline) {
        throw new Error(`got ${this.received.length} of ${count} PRIVMSGs: ${this.lines.join(' | ')}`);
      }
      await sleep(20);
    }
    return this.received;
  }

  async waitForLine(match: (line: string) => boolean, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.lines.find(match);
      if (line) return line;
      if (Date.now() > deadline) throw new Error(`no matching line in: ${this.lines.join(' | ')}`);
      await sleep(20);
    }
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (let end = this.buffer.indexOf(0x0a); end !== -1; end = this.buffer.indexOf(0x0a)) {
      const raw = this.buffer.subarray(0, end + 1);
      this.buffer = this.buffer.subarray(end + 1);
      const line = raw.toString('utf8').replace(/\r?\n$/, '');
      this.lines.push(line);
      if (line.startsWith('PING ')) this.write(`PONG ${line.slice(5)}`);
      const privmsg = /^:([^! ]+)\S* PRIVMSG (\S+) :(.*)$/.exec(line);
      if (privmsg) this.received.push({ raw, from: privmsg[1], target: privmsg[2], text: privmsg[3] });
    }
  }
}
