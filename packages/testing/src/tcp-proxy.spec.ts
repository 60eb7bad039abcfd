import net from 'node:net';
import { proxiedUrl, TcpProxy } from './tcp-proxy.js';

/** A one-shot echo server on a free port. */
async function echoServer(): Promise<net.Server> {
  const server = net.createServer((socket) => socket.pipe(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function roundTrip(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString('utf8'));
    });
    socket.once('error', reject);
  });
}

describe('TcpProxy', () => {
  let target: net.Server;
  const proxy = () => new TcpProxy('127.0.0.1', (target.address() as net.AddressInfo).port);

  beforeAll(async () => {
    target = await echoServer();
  });

  afterAll(async () => {
    await new Promise((resolve) => target.close(resolve));
  });

  it('passes bytes through, refuses connections while stopped, and comes back on the same port', async () => {
    const cut = proxy();
    const port = await cut.start();
    expect(cut.running).toBe(true);
    expect(await roundTrip(port, 'before')).toBe('before');

    await cut.stop();
    expect(cut.running).toBe(false);
    await expect(roundTrip(port, 'during')).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    expect(await cut.start(port)).toBe(port);
    expect(await roundTrip(port, 'after')).toBe('after');
    await cut.stop();
  });

  it('drops open connections when stopped, as a server that went away would', async () => {
    const cut = proxy();
    const port = await cut.start();
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.on('error', () => undefined);
    await cut.stop();
    await expect(closed).resolves.toBeDefined();
  });
});

describe('proxiedUrl', () => {
  it('points a URL at the proxy and keeps everything else', () => {
    expect(proxiedUrl('postgres://user:pw@db.internal:5432/herald_x?sslmode=disable', 41000)).toBe(
      'postgres://user:pw@127.0.0.1:41000/herald_x?sslmode=disable',
    );
    expect(proxiedUrl('redis://127.0.0.1:6379', 41001)).toBe('redis://127.0.0.1:41001');
  });
});
