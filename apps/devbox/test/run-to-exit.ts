import { spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

/** The built entry of `apps/<app>`: these suites run what `pnpm dev` and the images run. */
export function appEntry(app: string): string {
  return fileURLToPath(new URL(`../../${app}/dist/main.js`, import.meta.url));
}

export interface Exited {
  code: number | null;
  output: string;
}

/** Runs a built app until it exits by itself; a run past the deadline is killed and reported as a hang. */
export async function runToExit(
  entry: string,
  env: Record<string, string>,
  deadlineMs = 20_000,
): Promise<Exited> {
  const child = spawn(process.execPath, [entry], {
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = once(child, 'exit');
  const timer = setTimeout(() => child.kill('SIGKILL'), deadlineMs);
  const [code, signal] = (await exited) as [number | null, NodeJS.Signals | null];
  clearTimeout(timer);
  if (signal === 'SIGKILL') throw new Error(`${entry} was still running after ${deadlineMs} ms:\n${output}`);
  return { code, output };
}

/** A port nothing listens on: taken from the OS, then released. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}
