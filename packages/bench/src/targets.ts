import type { BaselineResult } from './baseline.js';
import type { PostgresWrites } from './postgres-writes.js';
import type { ProcessWindow } from './process-sampler.js';
import type { PhaseResult, TargetCheck, TargetStatus } from './results.js';

/** The targets, reported against (a benchmark never fails on them). */
export const TARGETS = {
  deliveriesPerSecond: 1000,
  baselineShare: 0.4,
  latencyAt500: { p50: 20, p99: 100 },
  rssMb: 250,
  writesPerDelivery: 3,
} as const;

// The load generator and receiver are the benchmark's own process, not Herald's.
export const BENCH_PROCESS = 'bench';

export function checkTargets(
  phases: readonly PhaseResult[],
  baseline: BaselineResult | undefined,
  postgres: PostgresWrites | undefined,
): TargetCheck[] {
  const measured = phases.filter((phase) => phase.measured);
  const best = measured.reduce<PhaseResult | undefined>(
    (top, phase) => (!top || phase.deliveredPerSecond > top.deliveredPerSecond ? phase : top),
    undefined,
  );
  const checks: TargetCheck[] = [];
  const check = (target: string, measuredText: string, status: TargetStatus) =>
    checks.push({ target, measured: measuredText, status });
  const is = (ok: boolean): TargetStatus => (ok ? 'met' : 'not met');

  if (best) {
    check(
      `≥ ${TARGETS.deliveriesPerSecond} deliveries/s sustained`,
      `${round(best.deliveredPerSecond)}/s (${best.name}, ${best.delivered} deliveries)`,
      is(best.deliveredPerSecond >= TARGETS.deliveriesPerSecond && best.lost === 0),
    );
  } else check(`≥ ${TARGETS.deliveriesPerSecond} deliveries/s sustained`, '—', 'not measured');

  if (best && baseline) {
    const share = best.deliveredPerSecond / baseline.twoHopPerSecond;
    check(
      `≥ ${TARGETS.baselineShare * 100}% of the raw BullMQ two-hop rate`,
      `${round(share * 100)}% (${round(best.deliveredPerSecond)} / ${round(baseline.twoHopPerSecond)} jobs/s)`,
      is(share >= TARGETS.baselineShare),
    );
  } else check(`≥ ${TARGETS.baselineShare * 100}% of the raw BullMQ two-hop rate`, '—', 'not measured');

  const at500 = measured.find((phase) => phase.rate === 500);
  const { p50, p99 } = TARGETS.latencyAt500;
  check(
    `accept→delivered at 500/s: p50 ≤ ${p50} ms, p99 ≤ ${p99} ms`,
    at500 ? `p50 ${round(at500.latency.p50)} ms, p99 ${round(at500.latency.p99)} ms` : '—',
    at500 ? is(at500.latency.p50 <= p50 && at500.latency.p99 <= p99) : 'not measured',
  );

  const at1000 = measured.find((phase) => phase.rate === 1000);
  const heaviest = at1000?.processes
    .filter((process) => process.name !== BENCH_PROCESS)
    .reduce<ProcessWindow | undefined>(
      (top, process) => (!top || process.peakRssMb > top.peakRssMb ? process : top),
      undefined,
    );
  check(
    `each process < ${TARGETS.rssMb} MB RSS at 1,000/s`,
    heaviest
      ? `largest: ${heaviest.name} ${heaviest.peakRssMb} MB (delivering ${round(at1000!.deliveredPerSecond)}/s)`
      : '—',
    heaviest ? is(heaviest.peakRssMb < TARGETS.rssMb) : 'not measured',
  );

  check(
    `≤ ${TARGETS.writesPerDelivery} row writes per delivery`,
    postgres
      ? `${round(postgres.perDelivery)} (${postgres.inserts} inserts + ${postgres.updates} updates)`
      : '—',
    postgres ? is(postgres.perDelivery <= TARGETS.writesPerDelivery) : 'not measured',
  );

  const lost = measured.reduce((sum, phase) => sum + phase.lost, 0);
  check('no delivery lost', `${lost} lost`, is(lost === 0));
  return checks;
}

export function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
