import { performance } from 'node:perf_hooks';
import { sleep } from '@herald/testing';
import { BENCH_ADMIN_KEY, type HeraldStack } from './herald-stack.js';
import type { ChartPhase } from './latency-chart.js';
import { LoadGenerator, type PhaseAccepts } from './load-generator.js';
import type { BenchOptions, PhaseSpec } from './options.js';
import { PostgresWriteCounter, writesBetween, type PostgresWrites } from './postgres-writes.js';
import type { ProcessSampler } from './process-sampler.js';
import type { RedisStats } from './redis-stats.js';
import type { PhaseResult } from './results.js';
import { perSecond, summarize, type LatencyPoint } from './stats.js';
import type { PhaseArrivals, WebhookReceiver } from './webhook-receiver.js';

export interface HeraldRun {
  phases: PhaseResult[];
  /** Every measured delivery's latency by its accept time, for the chart. */
  points: LatencyPoint[];
  chartPhases: ChartPhase[];
  postgres: PostgresWrites;
}

export interface HeraldRunContext {
  options: BenchOptions;
  stack: HeraldStack;
  receiver: WebhookReceiver;
  sampler: ProcessSampler;
  redis: RedisStats;
  stopped: () => boolean;
  /** Toggle the apps' CPU profilers around the measured phases. */
  profiling: boolean;
  /** Progress lines, as phases start and end. */
  log: (line: string) => void;
}

/** Posts each phase's events, waits for their deliveries, and measures the phase. */
export async function runHerald(context: HeraldRunContext, phases: readonly PhaseSpec[]): Promise<HeraldRun> {
  const { options, stack, receiver, log } = context;
  const source = await stack.addWebhook(receiver.url());
  const writes = new PostgresWriteCounter(stack.database!.url);
  const before = await writes.snapshot();
  const load = new LoadGenerator(stack.url, BENCH_ADMIN_KEY, options.concurrency);
  const run: HeraldRun = {
    phases: [],
    points: [],
    chartPhases: [],
    postgres: writesBetween(before, before, 0),
  };
  let origin: number | undefined;
  let profiling = false;
  try {
    for (const phase of phases) {
      if (context.stopped()) break;
      log(
        `phase ${phase.name}: ${phase.count} events${phase.rate ? ` at ${phase.rate}/s` : ', unthrottled'}`,
      );
      if (phase.measured && context.profiling && !profiling) {
        await stack.toggleProfilers();
        profiling = true;
      }
      const arrivals = receiver.expect(phase.name, phase.count);
      const redisStart = await context.redis.read(stack.prefix);
      await context.sampler.beginWindow();
      const accepts = await load.run(
        phase,
        (seq) => ({ type: 'bench.tick', source, data: { phase: phase.name, seq } }),
        context.stopped,
      );
      await drain(context, arrivals, accepts);
      const processes = await context.sampler.endWindow();
      const redisEnd = await context.redis.read(stack.prefix);
      if (phase.measured) origin ??= accepts.startedAt;
      const result = measure(phase, accepts, arrivals);
      run.phases.push({
        ...result.phase,
        processes,
        redis: {
          usedMemoryStartMb: redisStart.usedMemoryMb,
          usedMemoryEndMb: redisEnd.usedMemoryMb,
          prefixKeysStart: redisStart.prefixKeys,
          prefixKeysEnd: redisEnd.prefixKeys,
        },
      });
      if (phase.measured && origin !== undefined) {
        const from = origin;
        run.points.push(...result.points.map((point) => ({ ...point, at: point.at - from })));
        run.chartPhases.push({
          name: phase.name,
          fromS: (accepts.startedAt - from) / 1000,
          toS: (accepts.lastAcceptedAt - from) / 1000,
        });
      }
      const last = run.phases[run.phases.length - 1]!;
      log(
        `  accepted ${last.accepted}, delivered ${last.delivered} (${last.deliveredPerSecond.toFixed(0)}/s), ` +
          `lost ${last.lost}, p50 ${last.latency.p50.toFixed(1)} ms, p99 ${last.latency.p99.toFixed(1)} ms`,
      );
    }
    if (profiling) await stack.toggleProfilers();
    log('waiting for Postgres to flush its write counters');
    const deliveries = run.phases.reduce((sum, phase) => sum + phase.delivered, 0);
    run.postgres = writesBetween(before, await writes.settledSnapshot(), deliveries);
    return run;
  } finally {
    await load.close();
  }
}

/** Until every accepted event was delivered, or nothing arrived for the drain timeout. */
async function drain(
  context: HeraldRunContext,
  arrivals: PhaseArrivals,
  accepts: PhaseAccepts,
): Promise<void> {
  let seen = arrivals.received;
  let progressAt = performance.now();
  while (arrivals.received < accepts.accepted && !context.stopped()) {
    context.stack.assertRunning();
    await sleep(50);
    if (arrivals.received !== seen) {
      seen = arrivals.received;
      progressAt = performance.now();
    } else if (performance.now() - progressAt > context.options.drainTimeoutS * 1000) {
      context.log(`  no delivery for ${context.options.drainTimeoutS} s: counting the rest as lost`);
      return;
    }
  }
}

function measure(
  spec: PhaseSpec,
  accepts: PhaseAccepts,
  arrivals: PhaseArrivals,
): { phase: Omit<PhaseResult, 'processes' | 'redis'>; points: LatencyPoint[] } {
  const points: LatencyPoint[] = [];
  const acceptLatencies: number[] = [];
  let lost = 0;
  for (let seq = 0; seq < spec.count; seq++) {
    const acceptedAt = accepts.acceptedAt[seq]!;
    if (Number.isNaN(acceptedAt)) continue;
    acceptLatencies.push(acceptedAt - accepts.sentAt[seq]!);
    const arrivedAt = arrivals.at[seq]!;
    if (Number.isNaN(arrivedAt)) lost += 1;
    // A delivery may beat the 202 to the client (the job is queued before the answer is written): 0 then.
    else points.push({ at: acceptedAt, latencyMs: Math.max(0, arrivedAt - acceptedAt) });
  }
  return {
    phase: {
      name: spec.name,
      rate: spec.rate,
      measured: spec.measured,
      offered: spec.count,
      accepted: accepts.accepted,
      rejected: accepts.rejected,
      ...(accepts.rejectExample ? { rejectExample: accepts.rejectExample } : {}),
      acceptedPerSecond: perSecond(accepts.accepted, accepts.lastAcceptedAt - accepts.startedAt),
      delivered: arrivals.received,
      duplicates: arrivals.duplicates,
      lost,
      deliveredPerSecond: perSecond(arrivals.received, arrivals.lastAt - accepts.startedAt),
      durationMs: Math.round(Math.max(arrivals.lastAt, accepts.lastAcceptedAt) - accepts.startedAt),
      latency: summarize(points.map((point) => point.latencyMs)),
      acceptLatency: summarize(acceptLatencies),
    },
    points,
  };
}
