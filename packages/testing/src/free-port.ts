import net from 'node:net';

/**
 * A TCP port nobody listens on right now, from the OS, for a child process that must be told its
 * port up front. A random pick collided with ports still held by an earlier suite's processes.
 */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
