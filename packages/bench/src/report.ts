import type { BenchResult } from './results.js';
import { round } from './targets.js';

/** Columns padded to their widest cell; numbers (and cells starting with a digit) right-aligned. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const numeric = headers.map(
    (_, column) => rows.length > 0 && rows.every((row) => /^(-?\d[\d.]*%?|—)$/.test(row[column] ?? '')),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        numeric[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

const number = (value: number, digits = 1) => (Number.isFinite(value) ? String(round(value, digits)) : '—');
const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(', ');

/** The whole report, as printed on stdout. */
export function renderReport(result: BenchResult): string {
  const out: string[] = [];
  out.push(
    `Herald benchmark, ${result.startedAt}`,
    `node ${result.machine.node}, ${result.machine.cpus} CPUs; load average (1, 5, 15 min) at start ${load(result.machine.loadAverageStart)}, at end ${load(result.machine.loadAverageEnd)}`,
    `CPU pressure (share of the last minute something waited for a CPU) at start ${number(result.machine.cpuPressureStart)}%, at end ${number(result.machine.cpuPressureEnd)}%`,
    `command: ${result.command}`,
    '',
  );

  const { baseline } = result;
  if (baseline) {
    out.push(
      `Raw BullMQ, two hops: ${baseline.jobs} no-op jobs, producer ${baseline.concurrency.producer} adds in flight, hop concurrency ${baseline.concurrency.hop1} / ${baseline.concurrency.hop2}`,
      `  produced ${number(baseline.producedPerSecond)} jobs/s; through both hops ${number(baseline.twoHopPerSecond)} jobs/s (${baseline.elapsedMs} ms)`,
      '',
    );
  }

  const phases = result.phases.filter((phase) => phase.measured);
  out.push(
    `Herald end to end (${result.options.channel}): api → router → worker-${result.options.channel} → receiver`,
    'latency = 202 at the client → webhook at the receiver; 202 p50/p99 = POST sent → 202 (ms)',
  );
  out.push(
    formatTable(
      [
        'phase',
        'events',
        'accepted/s',
        'delivered/s',
        'of baseline',
        'lost',
        'dup',
        'rejected',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
        '202 p50',
        '202 p99',
      ],
      phases.map((phase) => [
        phase.name,
        String(phase.offered),
        number(phase.acceptedPerSecond),
        number(phase.deliveredPerSecond),
        baseline ? `${number((phase.deliveredPerSecond / baseline.twoHopPerSecond) * 100)}%` : '—',
        String(phase.lost),
        String(phase.duplicates),
        String(Object.values(phase.rejected).reduce((sum, count) => sum + count, 0)),
        number(phase.latency.p50),
        number(phase.latency.p95),
        number(phase.latency.p99),
        number(phase.latency.max),
        number(phase.acceptLatency.p50),
        number(phase.acceptLatency.p99),
      ]),
    ),
  );
  for (const phase of phases) {
    if (phase.rejectExample)
      out.push(`  ${phase.name}: rejected ${JSON.stringify(phase.rejected)}, e.g. ${phase.rejectExample}`);
  }
  out.push('');

  out.push('Memory (MB) and CPU per phase, for each process');
  out.push(
    formatTable(
      ['phase', 'process', 'RSS start', 'RSS peak', 'RSS end', 'VmHWM', 'CPU ms', 'CPU ms/delivery'],
      phases.flatMap((phase) =>
        phase.processes.map((process) => [
          phase.name,
          process.name,
          number(process.rssStartMb),
          number(process.peakRssMb),
          number(process.rssEndMb),
          number(process.hwmMb),
          String(process.cpuMs),
          number(phase.delivered ? process.cpuMs / phase.delivered : Number.NaN, 3),
        ]),
      ),
    ),
  );
  out.push('');
  out.push('Redis (used_memory of the whole server; keys under the stack prefix)');
  out.push(
    formatTable(
      ['phase', 'used MB start', 'used MB end', 'keys start', 'keys end'],
      phases.map((phase) => [
        phase.name,
        number(phase.redis.usedMemoryStartMb),
        number(phase.redis.usedMemoryEndMb),
        String(phase.redis.prefixKeysStart),
        String(phase.redis.prefixKeysEnd),
      ]),
    ),
  );
  out.push('');

  const { postgres } = result;
  if (postgres) {
    out.push(
      `Postgres rows written per delivery: ${number(postgres.perDelivery, 2)} ((${postgres.inserts} inserts + ${postgres.updates} updates) / ${postgres.deliveries} deliveries, warm-up included; ${postgres.deletes} deletes)`,
    );
    out.push(
      formatTable(
        ['table', 'inserts/delivery', 'updates/delivery', 'deletes/delivery'],
        postgres.tables.map((table) => [
          table.table,
          number(table.inserts / postgres.deliveries, 2),
          number(table.updates / postgres.deliveries, 2),
          number(table.deletes / postgres.deliveries, 2),
        ]),
      ),
    );
    out.push('');
  }
  if (result.unattributedDeliveries) {
    out.push(`${result.unattributedDeliveries} deliveries reached the receiver without a known phase`, '');
  }

  out.push('Targets (reported, not enforced)');
  out.push(
    formatTable(
      ['status', 'target', 'measured'],
      result.targets.map((t) => [t.status, t.target, t.measured]),
    ),
  );
  out.push('');

  for (const profile of result.profiles) {
    out.push(
      `CPU profile of ${profile.app}: ${number(profile.busyMs / 1000)} s busy of ${number(profile.totalMs / 1000)} s`,
    );
    out.push(
      formatTable(
        ['area', 'self ms', '% busy'],
        profile.byArea.map((line) => [line.name, number(line.ms), number(line.share)]),
      ),
    );
    out.push(
      formatTable(
        ['function', 'self ms', '% busy'],
        profile.topFunctions.map((line) => [line.name, number(line.ms), number(line.share)]),
      ),
    );
    out.push('');
  }

  out.push(`results: ${result.files.json}`);
  if (result.files.chart) out.push(`latency chart: ${result.files.chart}`);
  return out.join('\n') + '\n';
}
