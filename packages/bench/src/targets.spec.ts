import type { BaselineResult } from './baseline.js';
import { writesBetween } from './postgres-writes.js';
import { checkTargets } from './targets.js';
import { samplePhase } from './testing/sample-result.js';

const baseline: BaselineResult = {
  jobs: 1000,
  concurrency: { producer: 64, hop1: 10, hop2: 20 },
  producedPerSecond: 5000,
  twoHopPerSecond: 2000,
  elapsedMs: 500,
};
const writes = (perDelivery: number) =>
  writesBetween(new Map(), new Map([['t', { inserts: 100 * perDelivery, updates: 0, deletes: 0 }]]), 100);

describe('checkTargets', () => {
  it('meets every target when the numbers are good, ignoring the benchmark’s own memory', () => {
    const phases = [
      samplePhase(),
      samplePhase({ name: '1000/s', rate: 1000 }),
      samplePhase({ name: 'max', rate: null, deliveredPerSecond: 1200 }),
    ];
    const checks = checkTargets(phases, baseline, writes(3));
    expect(checks.map((check) => check.status)).toEqual(['met', 'met', 'met', 'met', 'met', 'met']);
    expect(checks[0]!.measured).toBe('1200/s (max, 1000 deliveries)');
    expect(checks[1]!.measured).toBe('60% (1200 / 2000 jobs/s)');
    expect(checks[3]!.measured).toBe('largest: api 175 MB (delivering 498.2/s)');
  });

  it('says what is missed', () => {
    const slow = samplePhase({
      latency: { count: 10, p50: 25, p95: 90, p99: 150, max: 200, mean: 30 },
      lost: 2,
    });
    const fat = samplePhase({
      name: '1000/s',
      rate: 1000,
      processes: [
        { name: 'router', pid: 1, rssStartMb: 1, rssEndMb: 1, peakRssMb: 251, hwmMb: 260, cpuMs: 1 },
      ],
    });
    const checks = checkTargets([slow, fat], baseline, writes(8));
    expect(Object.fromEntries(checks.map((check) => [check.target, check.status]))).toEqual({
      '≥ 1000 deliveries/s sustained': 'not met',
      '≥ 40% of the raw BullMQ two-hop rate': 'not met',
      'accept→delivered at 500/s: p50 ≤ 20 ms, p99 ≤ 100 ms': 'not met',
      'each process < 250 MB RSS at 1,000/s': 'not met',
      '≤ 3 row writes per delivery': 'not met',
      'no delivery lost': 'not met',
    });
  });

  it('marks what the run did not measure, and never counts the warm-up', () => {
    const warmup = samplePhase({ name: 'warmup', measured: false, deliveredPerSecond: 5000 });
    const checks = checkTargets([warmup], undefined, undefined);
    expect(checks.slice(0, 5).map((check) => check.status)).toEqual(Array(5).fill('not measured'));
  });
});
