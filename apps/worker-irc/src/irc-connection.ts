import { isIP, connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { type IrcMessage, parseIrcMessage } from './irc-message.js';

export interface IrcEndpoint {
  host: string;
  port: number;
  tls: boolean;
  tlsSkipVerify?: boolean;
  /** How long the TCP (and TLS) handshake may take, in ms. */
  connectTimeoutMs: number;
}

/** A line-oriented IRC connection: sends commands, hands over what the server says, answers PING. */
export class IrcConnection {
  private readonly inbox: IrcMessage[] = [];
  private waiter: { resolve: (message: IrcMessage) => void; reject: (error: unknown) => void } | undefined;
  private failure: unknown;
  private pending = Buffer.alloc(0);
  /** Settles when the socket is closed, whoever closed it. */
  readonly closed: Promise<void>;

  private constructor(private readonly socket: Socket) {
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('the IRC server closed the connection')));
  }

  /** Resolves once connected (TLS handshake included), rejects with the socket's error or on abort. */
  static open(endpoint: IrcEndpoint, signal: AbortSignal): Promise<IrcConnection> {
    const { host, port } = endpoint;
    const socket = endpoint.tls
      ? connectTls({
          host,
          port,
          servername: isIP(host) ? undefined : host,
          rejectUnauthorized: !endpoint.tlsSkipVerify,
        })
      : connectTcp({ host, port });
    return new Promise((resolve, reject) => {
      socket.setTimeout(endpoint.connectTimeoutMs, () =>
        socket.destroy(Object.assign(new Error(`connect ETIMEDOUT ${host}:${port}`), { code: 'ETIMEDOUT' })),
      );
      const abort = () => socket.destroy(signal.reason as Error);
      signal.addEventListener('abort', abort, { once: true });
      socket.once('error', (error) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      });
      socket.once(endpoint.tls ? 'secureConnect' : 'connect', () => {
        signal.removeEventListener('abort', abort);
        socket.setTimeout(0);
        socket.removeAllListeners('error');
        resolve(new IrcConnection(socket));
      });
    });
  }

  send(command: string): void {
    // A line break would smuggle a second command onto the wire.
    if (/[\r\n\0]/.test(command)) throw new Error('an IRC command cannot contain a line break');
    this.socket.write(`${command}\r\n`);
  }

  /** The next message from the server; rejects once the connection has failed or closed. */
  next(): Promise<IrcMessage> {
    const message = this.inbox.shift();
    if (message) return Promise.resolve(message);
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  /** Closes the socket now; a pending and every later `next()` rejects with `reason`. */
  destroy(reason?: unknown): void {
    if (reason !== undefined) this.fail(reason);
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.pending = Buffer.concat([this.pending, chunk]);
    for (let end = this.pending.indexOf(0x0a); end !== -1; end = this.pending.indexOf(0x0a)) {
      const line = this.pending.subarray(0, end).toString('utf8');
      this.pending = this.pending.subarray(end + 1);
      const message = parseIrcMessage(line);
      if (!message) continue;
      // Servers drop clients that leave a PING unanswered, whatever the client is waiting for.
      if (message.command === 'PING') this.send(`PONG :${message.params.at(-1) ?? ''}`);
      else this.deliver(message);
    }
  }

  private deliver(message: IrcMessage): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    if (waiter) waiter.resolve(message);
    else this.inbox.push(message);
  }

  private fail(error: unknown): void {
    // The first failure explains the others (an error is followed by a close).
    this.failure ??= error;
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.reject(this.failure);
  }
}
