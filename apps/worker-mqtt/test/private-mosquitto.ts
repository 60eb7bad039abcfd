import { execFile, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

export interface PrivateMosquitto {
  url: string;
  /** How many clients have completed CONNECT so far, from the broker's log. */
  clientsConnected(): number;
  stop(): Promise<void>;
}

/**
 * A Mosquitto of the test's own, with a password file and no anonymous access, for what the shared
 * broker (anonymous) cannot show: how refused credentials are classified.
 */
export async function startPrivateMosquitto(user: string, password: string): Promise<PrivateMosquitto> {
  const dir = await mkdtemp(join(tmpdir(), 'herald-mosquitto-'));
  // Started as root, mosquitto reads the password file as its own unprivileged user.
  await chmod(dir, 0o755);
  const passwords = join(dir, 'passwords');
  await writeFile(passwords, '');
  await promisify(execFile)('mosquitto_passwd', ['-b', passwords, user, password]);
  const port = await freePort();
  const configFile = join(dir, 'mosquitto.conf');
  await writeFile(
    configFile,
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous false',
      `password_file ${passwords}`,
      'persistence false',
      '',
    ].join('\n'),
  );
  const child = spawn('mosquitto', ['-c', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const spawned = new Promise<void>((resolve, reject) => child.once('spawn', resolve).once('error', reject));
  await spawned.catch((error: unknown) => {
    throw new Error('mosquitto could not be started (apt-get install mosquitto)', { cause: error });
  });
  await waitForPort(port).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}: ${output}`, { cause: error });
  });
  return {
    url: `mqtt://127.0.0.1:${port}`,
    clientsConnected: () => output.match(/New client connected/g)?.length ?? 0,
    async stop() {
      child.kill('SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForPort(port: number): Promise<void> {
  for (let tries = 0; tries < 200; tries += 1) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(25);
  }
  throw new Error(`mosquitto did not listen on ${port}`);
}
