import { formatTable, renderReport } from './report.js';
import type { BenchResult } from './results.js';
import { checkTargets } from './targets.js';
import { samplePhase } from './testing/sample-result.js';
import { parseOptions } from './options.js';

describe('formatTable', () => {
  it('pads text left-aligned and numbers right-aligned', () => {
    expect(
      formatTable(
        ['phase', 'p50 ms'],
        [
          ['100/s', '8.5'],
          ['max', '120'],
        ],
      ),
    ).toBe(['phase  p50 ms', '-----  ------', '100/s     8.5', 'max       120'].join('\n'));
  });
});

describe('renderReport', () => {
  const phases = [samplePhase({ name: 'warmup', measured: false }), samplePhase()];
  const result: BenchResult = {
    startedAt: '2026-01-01T00:00:00.000Z',
    command: 'pnpm bench --n 1000',
    machine: {
      cpus: 2,
      node: 'v20',
      loadAverageStart: [1, 2, 3],
      loadAverageEnd: [4, 5, 6],
      cpuPressureStart: 10,
      cpuPressureEnd: 20,
    },
    options: parseOptions(['--n', '1000']),
    appEnv: {},
    baseline: {
      jobs: 1000,
      concurrency: { producer: 64, hop1: 10, hop2: 20 },
      producedPerSecond: 4000,
      twoHopPerSecond: 1000,
      elapsedMs: 1000,
    },
    phases,
    unattributedDeliveries: 0,
    targets: checkTargets(phases, undefined, undefined),
    profiles: [],
    files: { json: 'bench-results/x.json', chart: 'bench-results/x-latency.svg' },
  };
  const report = renderReport(result);

  it('shows the load, the command, the baseline and the measured phases only', () => {
    expect(report).toContain('load average (1, 5, 15 min) at start 1.00, 2.00, 3.00');
    expect(report).toContain('command: pnpm bench --n 1000');
    expect(report).toContain('through both hops 1000 jobs/s');
    expect(report).toMatch(
      /^500\/s\s+1000\s+499\.5\s+498\.2\s+49\.8%\s+0\s+0\s+0\s+12\.5\s+40\s+80\s+120\s+4\s+9\.5$/m,
    );
    expect(report).not.toMatch(/^warmup/m);
  });

  it('gives CPU per delivery for each process, and where the files are', () => {
    expect(report).toMatch(/^500\/s\s+api\s+150\s+175\s+170\s+180\s+3000\s+3$/m);
    expect(report).toContain('results: bench-results/x.json');
    expect(report).toContain('latency chart: bench-results/x-latency.svg');
  });
});
