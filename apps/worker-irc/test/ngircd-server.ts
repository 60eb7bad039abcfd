import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

export const NGIRCD = '/usr/sbin/ngircd';

export interface NgircdServer {
  port: number;
  /** The TLS port, when started with `tls`. */
  tlsPort?: number;
  stop(): Promise<void>;
}

/**
 * A real ngIRCd (Debian's package) on a free port of 127.0.0.1, in a temporary directory. Missing
 * ngircd fails the suite: the IRC tests are worth nothing against a fake.
 */
export interface NgircdOptions {
  /** The server password (PASS) every client must give. */
  password?: string;
  /**
   * Keep ngIRCd's flood control, which processes about one command a second from each client.
   * Off by default, to keep the tests fast.
   */
  floodControl?: boolean;
  /** Also listen with TLS, on a self-signed certificate made with the openssl CLI. */
  tls?: boolean;
}

export async function startNgircd(options: NgircdOptions = {}): Promise<NgircdServer> {
  await access(NGIRCD).catch(() => {
    throw new Error(
      `${NGIRCD} not found: install it (apt-get install ngircd); the IRC tests need a real server`,
    );
  });
  const port = await freePort();
  const tlsPort = options.tls ? await freePort() : undefined;
  const dir = await mkdtemp(join(tmpdir(), 'herald-ngircd-'));
  if (options.tls) await selfSignedCertificate(dir);
  const configFile = join(dir, 'ngircd.conf');
  await writeFile(configFile, configText(port, dir, options, tlsPort));

  const child = spawn(NGIRCD, ['--nodaemon', '--config', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  try {
    await waitForPort(port, child);
    if (tlsPort) await waitForPort(tlsPort, child);
  } catch (error) {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw new Error(`ngircd did not listen on ${port}: ${(error as Error).message}\n${output}`, {
      cause: error,
    });
  }
  return {
    port,
    tlsPort,
    async stop() {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5_000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function configText(
  port: number,
  dir: string,
  { password, floodControl }: NgircdOptions,
  tlsPort?: number,
): string {
  return [
    '[Global]',
    'Name = irc.herald.test',
    'Info = Herald test server',
    'Listen = 127.0.0.1',
    `Ports = ${port}`,
    `PidFile = ${join(dir, 'ngircd.pid')}`,
    'MotdPhrase = Herald test server',
    ...(password ? [`Password = ${password}`] : []),
    '[Limits]',
    'MaxNickLength = 30',
    'MaxConnectionsIP = 0',
    ...(floodControl ? [] : ['MaxPenaltyTime = 0']),
    '[Options]',
    'PAM = no',
    'DNS = no',
    'Ident = no',
    ...(tlsPort
      ? [
          '[SSL]',
          `CertFile = ${join(dir, 'cert.pem')}`,
          `KeyFile = ${join(dir, 'key.pem')}`,
          `Ports = ${tlsPort}`,
        ]
      : []),
    '',
  ].join('\n');
}

async function selfSignedCertificate(dir: string): Promise<void> {
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=irc.herald.test',
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem'),
  ]);
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`ngircd exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(50);
  }
  throw new Error('timed out');
}
