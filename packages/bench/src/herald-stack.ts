import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
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
  TEST_REDIS_URL,
  type TestDatabase,
} from '@herald/testing';

export const BENCH_ADMIN_KEY = 'bench-admin-key-0123456789';

export const STACK_APPS = ['api', 'router', 'worker-webhook'] as const;
export type StackApp = (typeof STACK_APPS)[number];

// What each queue-driven app prints once it is connected and consuming (they serve no HTTP).
const READY_LINES: Record<Exclude<StackApp, 'api'>, RegExp> = {
  router: /RouterModule dependencies initialized/,
  'worker-webhook': /consuming deliver\.webhook/,
};

const START_TIMEOUT_MS = 90_000;

/**
 * The benchmark is one API key posting thousands of events a second to one webhook: the per-key
 * ingest limit (6000/min by default) and the webhook channel's provider-protection limit (200/s)
 * would measure themselves, not the pipeline.
 */
export const LIFTED_LIMITS = {
  HERALD_INGEST_RATE_LIMIT_PER_MINUTE: '0',
  HERALD_RATE_LIMIT_MAX: '1000000',
  HERALD_RATE_LIMIT_DURATION_MS: '1000',
};

export interface StackSettings {
  /** Environment of every app, over the benchmark's defaults. */
  env: Record<string, string>;
  /** Directory for node --cpu-prof files; none when not profiling. */
  cpuProfileDir?: string;
}

/**
 * The apps a webhook delivery goes through (api, router, worker-webhook), built, as child
 * processes over a fresh database and queue prefix, as the e2e suites run them.
 */
export class HeraldStack {
  readonly prefix = freshQueuePrefix();
  apiPort = 0;
  database?: TestDatabase;
  private cpuProfileDir?: string;
  private readonly processes = new Map<StackApp, AppProcess>();

  get url(): string {
    return `http://127.0.0.1:${this.apiPort}`;
  }

  async start(settings: StackSettings): Promise<void> {
    await assertRedisReachable();
    this.apiPort = await freePort();
    this.database = await createTestDatabase(migrateDatabase);
    const env: Record<string, string> = {
      DATABASE_URL: this.database.url,
      REDIS_URL: TEST_REDIS_URL,
      HERALD_QUEUE_PREFIX: this.prefix,
      HERALD_ADMIN_KEY: BENCH_ADMIN_KEY,
      PORT: String(this.apiPort),
      HOST: '127.0.0.1',
      HERALD_GRPC_PORT: 'off',
      // Their defaults (9464, 9465) may be taken by a dev stack; nobody scrapes a benchmark.
      HERALD_METRICS_PORT: '0',
      ...LIFTED_LIMITS,
      ...settings.env,
    };
    this.cpuProfileDir = settings.cpuProfileDir;
    if (settings.cpuProfileDir) {
      const preload = new URL('./cpu-profiler.js', import.meta.url).href;
      env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --import=${preload}`.trim();
      env.BENCH_CPU_PROFILE_DIR = settings.cpuProfileDir;
    }
    for (const app of STACK_APPS) {
      const entry = fileURLToPath(new URL(`../../../apps/${app}/dist/main.js`, import.meta.url));
      this.processes.set(app, new AppProcess(app, entry, env));
    }
    for (const process of this.processes.values()) process.start();
    await Promise.all(STACK_APPS.map((app) => this.waitUntilReady(app)));
  }

  pids(): { name: string; pid: number }[] {
    return [...this.processes.values()].flatMap((process) =>
      process.pid !== undefined && process.running ? [{ name: process.name, pid: process.pid }] : [],
    );
  }

  /** Fails when an app died: a benchmark must not report numbers from a half stack. */
  assertRunning(): void {
    for (const process of this.processes.values()) {
      if (!process.running)
        throw new Error(`${process.name} exited during the benchmark:\n${process.output}`);
    }
  }

  async request<Body = unknown>(method: string, path: string, body?: unknown): Promise<Body> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${BENCH_ADMIN_KEY}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as Body;
  }

  /** A signed webhook notifier posting to `url`, attached to `project/bench` for every trigger. */
  async addWebhook(url: string): Promise<{ kind: string; id: string }> {
    await this.request('POST', '/v1/notifiers', {
      name: 'bench_hook',
      type: 'webhook',
      config: { url, secret: 'bench-secret' },
    });
    await this.request('POST', '/v1/resources/project/bench/notifiers', {
      notifier: 'bench_hook',
      triggers: ['any'],
    });
    return { kind: 'project', id: 'bench' };
  }

  /** Starts, then stops (and writes), the CPU profiles of a stack started with `cpuProfileDir`. */
  async toggleProfilers(): Promise<void> {
    if (!this.cpuProfileDir) return;
    const flag = path.join(this.cpuProfileDir, 'profiling');
    if (existsSync(flag)) await rm(flag);
    else await writeFile(flag, '');
  }

  /** Stops the apps, drops the database and the queue keys. */
  async stop(): Promise<void> {
    await Promise.allSettled([...this.processes.values()].map((process) => process.stop(15_000)));
    const cleanups = await Promise.allSettled([deleteQueueKeys(this.prefix), this.database?.drop()]);
    const failed = cleanups.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private async waitUntilReady(name: StackApp): Promise<void> {
    const process = this.processes.get(name)!;
    if (name !== 'api') {
      await process.waitForOutput(READY_LINES[name], START_TIMEOUT_MS);
      return;
    }
    await eventually(
      async () => {
        if (!process.running) throw new Error(`api exited during start:\n${process.output}`);
        const ready = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(3000) }).catch(
          () => null,
        );
        return ready?.ok ? true : undefined;
      },
      START_TIMEOUT_MS,
      'the API to be ready',
      100,
    );
  }
}
