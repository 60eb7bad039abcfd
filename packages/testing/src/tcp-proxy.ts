import net from 'node:net';

/**
 * A TCP proxy in front of a real server, so a test can make "Postgres is down" or "Redis is down"
 * happen for the apps behind it without stopping the server every other suite uses.
 */
export class TcpProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /** A proxy in front of the server a URL names (`postgres://...`, `redis://...`). */
  static inFrontOf(url: string, defaultPort: number): TcpProxy {
    const target = new URL(url);
    return new TcpProxy(target.hostname || '127.0.0.1', Number(target.port || defaultPort));
  }

  get running(): boolean {
    return this.server !== undefined;
  }

  /** Listens on `port` (any free one by default); pass the old port to bring a stopped proxy back. */
  async start(port = 0): Promise<number> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.targetHost);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
    return this.port;
  }

  /** Drops every open connection and refuses new ones, as a stopped server would. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

/** The same URL (credentials, database, options) pointed at a local proxy port instead. */
export function proxiedUrl(url: string, proxyPort: number): string {
  const proxied = new URL(url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxyPort);
  return proxied.toString();
}
