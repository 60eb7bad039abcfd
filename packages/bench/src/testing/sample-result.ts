import type { PhaseResult } from '../results.js';

/** A measured phase with every field filled, to vary in specs. */
export function samplePhase(overrides: Partial<PhaseResult> = {}): PhaseResult {
  return {
    name: '500/s',
    rate: 500,
    measured: true,
    offered: 1000,
    accepted: 1000,
    rejected: {},
    acceptedPerSecond: 499.5,
    delivered: 1000,
    duplicates: 0,
    lost: 0,
    deliveredPerSecond: 498.2,
    durationMs: 2007,
    latency: { count: 1000, p50: 12.5, p95: 40, p99: 80, max: 120, mean: 15 },
    acceptLatency: { count: 1000, p50: 4, p95: 6, p99: 9.5, max: 20, mean: 4.5 },
    processes: [
      { name: 'api', pid: 11, rssStartMb: 150, rssEndMb: 170, peakRssMb: 175, hwmMb: 180, cpuMs: 3000 },
      { name: 'bench', pid: 12, rssStartMb: 300, rssEndMb: 300, peakRssMb: 300, hwmMb: 300, cpuMs: 500 },
    ],
    redis: { usedMemoryStartMb: 3, usedMemoryEndMb: 4, prefixKeysStart: 10, prefixKeysEnd: 20 },
    ...overrides,
  };
}
