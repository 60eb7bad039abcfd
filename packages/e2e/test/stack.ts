import { fileURLToPath } from 'node:url';
import { migrateDatabase } from '@herald/data';
import {
  AppProcess,
  assertRedisReachable,
  createTestDatabase,
  deleteQueueKeys,
  eventually,
  freePort,
  freshQueuePrefix,
  proxiedUrl,
  TcpProxy,
  TEST_REDIS_URL,
  type TestDatabase,
} from '@herald/testing';
import { ADMIN_KEY, HeraldApi } from './herald-api.js';

// Every app starting at once on a small, busy CI machine: Node and Nest boot slowly then.
const START_TIMEOUT_MS = 60_000;

export { ADMIN_KEY, type ApiResponse, type EventBody, type RequestOptions } from './herald-api.js';

export const APPS = ['api', 'router', 'worker-email', 'worker-webhook'] as const;
/** Channel workers a suite starts only when it asks for them (`StackOptions.extraApps`). */
export const EXTRA_APPS = ['worker-inapp'] as const;
export type ExtraAppName = (typeof EXTRA_APPS)[number];
export type AppName = (typeof APPS)[number] | ExtraAppName;

// What each queue-driven app prints once it is connected and consuming (they serve no HTTP).
const READY_LINES: Record<Exclude<AppName, 'api'>, RegExp> = {
  router: /RouterModule dependencies initialized/,
  'worker-email': /consuming deliver\.email/,
  'worker-webhook': /consuming deliver\.webhook/,
  'worker-inapp': /consuming deliver\.inapp/,
};

export interface StackOptions {
  /** Environment of every app, over the stack's defaults. */
  env?: Record<string, string>;
  /** Environment of one app, over `env` (e.g. the webhook worker's HERALD_CONCURRENCY). */
  appEnv?: Partial<Record<AppName, Record<string, string>>>;
  /** Every app reaches Postgres through `stack.postgresProxy`, so a test can cut it. */
  proxyPostgres?: boolean;
  /** Every app reaches Redis through `stack.redisProxy`, so a test can cut it. */
  proxyRedis?: boolean;
  /** Started beside APPS, with the same env. */
  extraApps?: ExtraAppName[];
}

/** The whole Herald stack as real processes over a fresh database and queue prefix. */
export class HeraldStack extends HeraldApi {
  readonly prefix = freshQueuePrefix();
  /** Chosen at start; kept across restarts. */
  apiPort = 0;
  postgresProxy?: TcpProxy;
  redisProxy?: TcpProxy;
  private database?: TestDatabase;
  private readonly processes = new Map<AppName, AppProcess>();

  get url(): string {
    return `http://127.0.0.1:${this.apiPort}`;
  }

  async start(options: StackOptions = {}): Promise<void> {
    await assertRedisReachable();
    this.apiPort = await freePort();
    this.database = await createTestDatabase(migrateDatabase);
    let databaseUrl = this.database.url;
    let redisUrl = TEST_REDIS_URL;
    if (options.proxyPostgres) {
      this.postgresProxy = TcpProxy.inFrontOf(databaseUrl, 5432);
      databaseUrl = proxiedUrl(databaseUrl, await this.postgresProxy.start());
    }
    if (options.proxyRedis) {
      this.redisProxy = TcpProxy.inFrontOf(redisUrl, 6379);
      redisUrl = proxiedUrl(redisUrl, await this.redisProxy.start());
    }
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      HERALD_QUEUE_PREFIX: this.prefix,
      HERALD_ADMIN_KEY: ADMIN_KEY,
      PORT: String(this.apiPort),
      // Its own port too: suites run side by side, and 50051 would be taken by the first.
      HERALD_GRPC_PORT: String(await freePort()),
      HOST: '127.0.0.1',
      HERALD_BACKOFF_BASE_MS: '200',
      HERALD_BACKOFF_CAP_MS: '2000',
      ...options.env,
    };
    const apps = [...APPS, ...(options.extraApps ?? [])];
    for (const app of apps) {
      const entry = fileURLToPath(new URL(`../../../apps/${app}/dist/main.js`, import.meta.url));
      this.processes.set(app, new AppProcess(app, entry, { ...env, ...options.appEnv?.[app] }));
    }
    for (const process of this.processes.values()) process.start();
    await Promise.all(apps.map((app) => this.waitUntilReady(app)));
  }

  app(name: AppName): AppProcess {
    const process = this.processes.get(name);
    if (!process) throw new Error(`the stack has not started ${name}`);
    return process;
  }

  /** SIGKILL: no shutdown hook runs, whatever the app had in flight is cut off. */
  async kill(name: AppName): Promise<void> {
    await this.app(name).kill('SIGKILL');
  }

  /** Starts a stopped or killed app again with the same environment, and waits until it is ready. */
  async startApp(name: AppName): Promise<void> {
    this.app(name).start();
    await this.waitUntilReady(name);
  }

  /** SIGTERM then start, the way an orchestrator rolls an app. */
  async restart(name: AppName): Promise<void> {
    await this.app(name).stop();
    await this.startApp(name);
  }

  /** Every app stopped (SIGTERM, at once), then every app started again. */
  async restartAll(): Promise<void> {
    const apps = [...this.processes.keys()];
    await Promise.all(apps.map((app) => this.app(app).stop()));
    for (const app of apps) this.app(app).start();
    await Promise.all(apps.map((app) => this.waitUntilReady(app)));
  }

  private async waitUntilReady(name: AppName): Promise<void> {
    const process = this.app(name);
    try {
      if (name !== 'api') {
        await process.waitForOutput(READY_LINES[name], START_TIMEOUT_MS);
        return;
      }
      await eventually(
        async () => {
          if (!process.running) throw new Error(`api exited during start`);
          const ready = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(3000) }).catch(
            () => null,
          );
          return ready?.ok ? true : undefined;
        },
        START_TIMEOUT_MS,
        'the API to be ready',
        100,
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${this.logs()}`, { cause: error });
    }
  }

  logs(): string {
    return [...this.processes.values()].map((p) => `----- ${p.name}\n${p.output}`).join('\n');
  }

  /** Kills what it started, stops the proxies, drops the database and the queue keys, whatever state a test left. */
  async stop(): Promise<void> {
    const proxies = [this.postgresProxy, this.redisProxy].filter((proxy): proxy is TcpProxy => !!proxy);
    // A test that failed mid-outage: let the apps reach their stores so they can shut down cleanly.
    await Promise.allSettled(
      proxies.filter((proxy) => !proxy.running).map((proxy) => proxy.start(proxy.port)),
    );
    await Promise.allSettled([...this.processes.values()].map((process) => process.stop(5000)));
    await Promise.allSettled(proxies.map((proxy) => proxy.stop()));
    const cleanups = await Promise.allSettled([deleteQueueKeys(this.prefix), this.database?.drop()]);
    const failed = cleanups.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }
}
