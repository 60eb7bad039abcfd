import type { LatencyBucket } from './stats.js';

export interface ChartPhase {
  name: string;
  /** Seconds since the start of the run. */
  fromS: number;
  toS: number;
}

const WIDTH = 960;
const HEIGHT = 420;
const MARGIN = { top: 40, right: 20, bottom: 50, left: 70 };
const COLORS = { p50: '#1f77b4', p99: '#d62728' };

/**
 * Accept→delivered latency over the run, p50 and p99 per second (log scale), phases shaded:
 * a hand-written SVG, readable in any browser.
 */
export function renderLatencyChart(
  buckets: readonly LatencyBucket[],
  phases: readonly ChartPhase[],
  title: string,
): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const endS = Math.max(
    1,
    ...phases.map((phase) => phase.toS),
    ...buckets.map((bucket) => bucket.second + 1),
  );
  const highest = Math.max(10, ...buckets.map((bucket) => bucket.p99).filter(Number.isFinite));
  const decades = { from: 0, to: Math.ceil(Math.log10(highest)) };
  const x = (seconds: number) => MARGIN.left + (seconds / endS) * plotWidth;
  const y = (ms: number) => {
    const decade = Math.log10(Math.max(ms, 1));
    return MARGIN.top + plotHeight - ((decade - decades.from) / (decades.to - decades.from)) * plotHeight;
  };
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="20" text-anchor="middle" font-size="14">${escapeXml(title)}</text>`,
  );
  phases.forEach((phase, index) => {
    const left = x(phase.fromS);
    const width = Math.max(0, x(phase.toS) - left);
    const fill = index % 2 === 0 ? '#f2f2f2' : '#e6eef7';
    parts.push(
      `<rect x="${fmt(left)}" y="${MARGIN.top}" width="${fmt(width)}" height="${plotHeight}" fill="${fill}"/>`,
      `<text x="${fmt(left + width / 2)}" y="${MARGIN.top + 14}" text-anchor="middle" fill="#555">${escapeXml(phase.name)}</text>`,
    );
  });
  for (let decade = decades.from; decade <= decades.to; decade++) {
    const ms = 10 ** decade;
    parts.push(
      `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${fmt(y(ms))}" y2="${fmt(y(ms))}" stroke="#ccc"/>`,
      `<text x="${MARGIN.left - 6}" y="${fmt(y(ms) + 4)}" text-anchor="end">${ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`}</text>`,
    );
  }
  const step = niceStep(endS);
  for (let seconds = 0; seconds <= endS; seconds += step) {
    parts.push(
      `<text x="${fmt(x(seconds))}" y="${HEIGHT - MARGIN.bottom + 18}" text-anchor="middle">${seconds}</text>`,
    );
  }
  parts.push(
    `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 12}" text-anchor="middle">seconds since the first measured event (by accept time)</text>`,
    `<text transform="translate(16 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">accept → delivered</text>`,
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#888"/>`,
  );
  for (const key of ['p50', 'p99'] as const) {
    // One line per run of consecutive seconds: no line drawn across the pauses between phases.
    for (const run of consecutiveRuns(buckets.filter((bucket) => Number.isFinite(bucket[key])))) {
      const points = run.map((bucket) => `${fmt(x(bucket.second + 0.5))},${fmt(y(bucket[key]))}`);
      parts.push(
        `<polyline fill="none" stroke="${COLORS[key]}" stroke-width="1.5" points="${points.join(' ')}"/>`,
      );
    }
  }
  // The legend above the plot, right-aligned: it never hides a line.
  const legendX = WIDTH - MARGIN.right - 120;
  parts.push(
    `<line x1="${legendX}" x2="${legendX + 20}" y1="${MARGIN.top - 8}" y2="${MARGIN.top - 8}" stroke="${COLORS.p50}" stroke-width="2"/>`,
    `<text x="${legendX + 24}" y="${MARGIN.top - 4}">p50</text>`,
    `<line x1="${legendX + 60}" x2="${legendX + 80}" y1="${MARGIN.top - 8}" y2="${MARGIN.top - 8}" stroke="${COLORS.p99}" stroke-width="2"/>`,
    `<text x="${legendX + 84}" y="${MARGIN.top - 4}">p99</text>`,
    '</svg>',
  );
  return parts.join('\n') + '\n';
}

function consecutiveRuns(buckets: readonly LatencyBucket[]): LatencyBucket[][] {
  const runs: LatencyBucket[][] = [];
  for (const bucket of buckets) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (run && previous && bucket.second - previous.second <= 1) run.push(bucket);
    else runs.push([bucket]);
  }
  return runs;
}

function niceStep(span: number): number {
  const rough = span / 10;
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(rough, 1)));
  for (const multiple of [1, 2, 5, 10]) if (rough <= multiple * magnitude) return multiple * magnitude;
  return 10 * magnitude;
}

function fmt(value: number): string {
  return value.toFixed(1);
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
