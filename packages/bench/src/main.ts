import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventually } from '@herald/testing';
import { BASELINE_CONCURRENCY } from './baseline-protocol.js';
import { BullmqBaseline, type BaselineResult } from './baseline.js';
import { summarizeCpuProfile, type CpuProfile, type ProfileSummary } from './cpu-profile.js';
import { runHerald } from './herald-run.js';
import { HeraldStack, LIFTED_LIMITS } from './herald-stack.js';
import { formatJson } from './json-format.js';
import { renderLatencyChart } from './latency-chart.js';
import { parseOptions, planPhases, USAGE, UsageError, type BenchOptions } from './options.js';
import { ProcessSampler, readCpuPressure } from './process-sampler.js';
import { RedisStats } from './redis-stats.js';
import { renderReport } from './report.js';
import type { BenchResult } from './results.js';
import { bucketLatencies } from './stats.js';
import { BENCH_PROCESS, checkTargets } from './targets.js';
import { WebhookReceiver } from './webhook-receiver.js';

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** Undone in reverse order whatever happens: a benchmark leaves no process, database or queue key behind. */
class Cleanup {
  private readonly steps: { what: string; undo: () => Promise<unknown> }[] = [];
  private running?: Promise<void>;

  add(what: string, undo: () => Promise<unknown>): void {
    this.steps.push({ what, undo });
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.reverse()) {
        await step.undo().catch((error: Error) => log(`cleanup (${step.what}) failed: ${error.message}`));
      }
    })();
    return this.running;
  }
}

async function main(argv: string[]): Promise<void> {
  const options = parseOptions(argv);
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const cleanup = new Cleanup();
  let stopped = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopped) {
      log(`${signal} again: exiting without finishing the cleanup`);
      process.exit(130);
    }
    stopped = true;
    log(`${signal}: stopping and cleaning up (again to force)`);
    void cleanup.run().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    await benchmark(options, argv, cleanup, () => stopped);
  } finally {
    await cleanup.run();
  }
}

async function benchmark(options: BenchOptions, argv: string[], cleanup: Cleanup, stopped: () => boolean) {
  const startedAt = new Date();
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const outDir = path.resolve(options.out ?? fileURLToPath(new URL('../bench-results/', import.meta.url)));
  await mkdir(outDir, { recursive: true });
  const loadAverageStart = os.loadavg();
  const cpuPressureStart = await readCpuPressure();
  log(
    `load average ${loadAverageStart.map((value) => value.toFixed(2)).join(', ')} on ${os.cpus().length} CPUs, ` +
      `CPU pressure ${cpuPressureStart}% (others' work slows every number below)`,
  );

  let baseline: BaselineResult | undefined;
  if (options.baseline && options.soakS === undefined) {
    const runner = new BullmqBaseline();
    cleanup.add('baseline', () => runner.stop());
    const concurrency = {
      producer: options.concurrency,
      hop1: Number(options.env.HERALD_ROUTE_CONCURRENCY ?? BASELINE_CONCURRENCY.hop1),
      hop2: Number(options.env.HERALD_CONCURRENCY ?? BASELINE_CONCURRENCY.hop2),
    };
    log(`baseline: ${options.n} no-op jobs through two BullMQ queues`);
    baseline = await runner.run(options.n, concurrency, options.drainTimeoutS * 1000);
    // Stopped now: its processes must not compete with Herald's for the CPU.
    await runner.stop();
    log(`  ${baseline.twoHopPerSecond.toFixed(0)} jobs/s through both hops`);
  }
  if (stopped()) return;

  const profileDir = options.profile ? path.join(outDir, `${stamp}-profiles`) : undefined;
  if (profileDir) await mkdir(profileDir);
  const receiver = new WebhookReceiver();
  await receiver.start();
  cleanup.add('receiver', () => receiver.stop());
  const stack = new HeraldStack();
  cleanup.add('stack', () => stack.stop());
  log('starting api, router and worker-webhook (built) over a fresh database and queue prefix');
  await stack.start({ env: options.env, ...(profileDir ? { cpuProfileDir: profileDir } : {}) });
  const appPids = new Map(stack.pids().map(({ name, pid }) => [pid, name]));
  log(`database ${stack.database!.name}, queue prefix ${stack.prefix} (both removed at the end)`);

  const sampler = new ProcessSampler(() => [...stack.pids(), { name: BENCH_PROCESS, pid: process.pid }]);
  sampler.start();
  cleanup.add('sampler', async () => sampler.stop());
  const redis = new RedisStats();
  cleanup.add('redis', () => redis.close());

  const run = await runHerald(
    { options, stack, receiver, sampler, redis, stopped, log, profiling: !!profileDir },
    planPhases(options),
  );
  if (stopped()) return;
  const profiles = profileDir ? await readProfiles(profileDir, appPids) : [];
  await stack.stop();

  const json = path.join(outDir, `${stamp}.json`);
  const chart = path.join(outDir, `${stamp}-latency.svg`);
  const result: BenchResult = {
    startedAt: startedAt.toISOString(),
    command: ['pnpm bench', ...argv].join(' '),
    machine: {
      cpus: os.cpus().length,
      node: process.version,
      loadAverageStart,
      loadAverageEnd: os.loadavg(),
      cpuPressureStart,
      cpuPressureEnd: await readCpuPressure(),
    },
    options,
    appEnv: { ...LIFTED_LIMITS, ...options.env },
    ...(baseline ? { baseline } : {}),
    phases: run.phases,
    postgres: run.postgres,
    unattributedDeliveries: receiver.unknown,
    targets: checkTargets(run.phases, baseline, run.postgres),
    profiles,
    files: { json, chart },
  };
  const title = `Herald accept → delivered latency (${result.options.channel}), ${result.startedAt}`;
  await writeFile(chart, renderLatencyChart(bucketLatencies(run.points), run.chartPhases, title));
  await writeFile(json, formatJson(result));
  process.stdout.write(renderReport(result));
}

/** Summaries of the `<pid>.cpuprofile` files the apps write (cpu-profiler.ts), once all are there. */
async function readProfiles(dir: string, appPids: Map<number, string>): Promise<ProfileSummary[]> {
  const list = async () => (await readdir(dir)).filter((file) => file.endsWith('.cpuprofile'));
  const files = await eventually(
    async () => ((await list()).length >= appPids.size ? list() : undefined),
    30_000,
    'the apps to write their CPU profiles',
    200,
  ).catch(list);
  const summaries: ProfileSummary[] = [];
  for (const file of files.sort()) {
    const pid = Number(file.split('.')[0]);
    const app = appPids.get(pid) ?? `pid ${pid}`;
    const profile = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as CpuProfile;
    summaries.push(summarizeCpuProfile(profile, app, path.join(dir, file)));
  }
  return summaries;
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
