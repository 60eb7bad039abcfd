export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile (`p` in 0..100) of ascending `sorted`; NaN when empty. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(values: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

/** Events per second of `count` events over `ms` milliseconds; 0 when nothing happened. */
export function perSecond(count: number, ms: number): number {
  return count > 0 && ms > 0 ? (count * 1000) / ms : 0;
}

export interface LatencyPoint {
  /** Milliseconds since the start of the run, when the event was accepted. */
  at: number;
  latencyMs: number;
}

export interface LatencyBucket {
  /** Start of the bucket, in seconds since the start of the run. */
  second: number;
  p50: number;
  p99: number;
  count: number;
}

/** p50 and p99 of the events accepted in each `widthS`-second window, for the chart. */
export function bucketLatencies(points: readonly LatencyPoint[], widthS = 1): LatencyBucket[] {
  const buckets = new Map<number, number[]>();
  for (const point of points) {
    const key = Math.floor(point.at / 1000 / widthS) * widthS;
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = []));
    bucket.push(point.latencyMs);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([second, latencies]) => {
      const { p50, p99, count } = summarize(latencies);
      return { second, p50, p99, count };
    });
}
