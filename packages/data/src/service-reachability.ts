import net from 'node:net';
import { redactUrl } from './data-source.js';

/** One store an app needs at start, and where it was looked for. */
export interface ServiceProbe {
  service: 'Postgres' | 'Redis';
  variable: 'DATABASE_URL' | 'REDIS_URL';
  url: string;
}

/** What a failed probe found: the socket error code, or that nothing answered in time. */
export interface UnreachableService extends ServiceProbe {
  reason: string;
}

type Endpoint = { host: string; port: number } | { path: string };

/**
 * Postgres or Redis is not there at start. Its message is the whole diagnosis, meant to be printed
 * alone: without this check the apps print a Nest stack trace (Postgres) or retry silently forever
 * (Redis).
 */
export class ServiceUnreachableError extends Error {
  constructor(readonly services: UnreachableService[]) {
    super(unreachableMessage(services));
    this.name = 'ServiceUnreachableError';
  }
}

const DEFAULT_TIMEOUT_MS = 3000;

/**
 * Opens (and closes) a TCP connection to Postgres and to Redis before an app boots; throws
 * ServiceUnreachableError naming every one that refused or stayed silent. Only reachability: a
 * wrong password or a missing database is left to the real connection, which says so itself.
 */
export async function assertServicesReachable(
  urls: { databaseUrl: string; redisUrl: string },
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<void> {
  const probes: ServiceProbe[] = [
    { service: 'Postgres', variable: 'DATABASE_URL', url: urls.databaseUrl },
    { service: 'Redis', variable: 'REDIS_URL', url: urls.redisUrl },
  ];
  const results = await Promise.all(
    probes.map(async (probe) => {
      const endpoint = serviceEndpoint(probe.url, probe.service === 'Postgres' ? 5432 : 6379);
      // A URL this check cannot read (several hosts, say) is left to the driver, which can.
      const reason = endpoint ? await connectFailure(endpoint, timeoutMs) : null;
      return reason === null ? null : { ...probe, reason };
    }),
  );
  const unreachable = results.filter((result): result is UnreachableService => result !== null);
  if (unreachable.length > 0) throw new ServiceUnreachableError(unreachable);
}

/** The TCP endpoint (or Unix socket, for Postgres' `?host=/run/postgresql`) a store URL names. */
export function serviceEndpoint(url: string, defaultPort: number): Endpoint | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const port = parsed.port ? Number(parsed.port) : defaultPort;
  const socketDir = parsed.searchParams.get('host');
  if (socketDir?.startsWith('/')) return { path: `${socketDir}/.s.PGSQL.${port}` };
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '' || host.includes(',')) return null;
  return { host, port };
}

/** One line: which store, where (password hidden), why, and how to start it. */
export function unreachableMessage(services: UnreachableService[]): string {
  const reasons = [...new Set(services.map((service) => service.reason))].join(', ');
  if (services.length === 1) {
    const [only] = services;
    const local = only.service === 'Postgres' ? 'postgresql' : 'redis-server';
    return (
      `${only.service} is unreachable at ${redactUrl(only.url)} (${reasons}): start it with ` +
      `\`docker compose up -d postgres redis\` or the local service (\`sudo systemctl start ${local}\`), ` +
      `or point ${only.variable} at a running one.`
    );
  }
  const where = services.map((service) => `${service.service} at ${redactUrl(service.url)}`).join(' and ');
  return (
    `${where} are unreachable (${reasons}): start them with \`docker compose up -d postgres redis\` ` +
    `or the local services (\`sudo systemctl start postgresql redis-server\`), ` +
    `or point ${services.map((service) => service.variable).join(' / ')} at running ones.`
  );
}

function connectFailure(endpoint: Endpoint, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = net.connect(endpoint);
    const done = (reason: string | null) => {
      socket.destroy();
      resolve(reason);
    };
    socket.setTimeout(timeoutMs, () => done(`no answer within ${timeoutMs / 1000} s`));
    socket.once('connect', () => done(null));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });
}
