import { bucketLatencies, perSecond, percentile, summarize } from './stats.js';

describe('percentile', () => {
  const hundred = Array.from({ length: 100 }, (_, index) => index + 1);

  it('is the nearest rank', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2, 3], 0)).toBe(1);
  });

  it('is NaN for no values', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summarize', () => {
  it('sorts numerically, not as text', () => {
    expect(summarize([100, 9, 20, 3])).toEqual({ count: 4, p50: 9, p95: 100, p99: 100, max: 100, mean: 33 });
  });

  it('reports an empty phase as NaN, not as 0 ms', () => {
    const summary = summarize([]);
    expect(summary.count).toBe(0);
    expect(summary.p50).toBeNaN();
    expect(summary.max).toBeNaN();
  });
});

describe('perSecond', () => {
  it('is count over milliseconds', () => {
    expect(perSecond(500, 250)).toBe(2000);
    expect(perSecond(0, 100)).toBe(0);
    expect(perSecond(10, 0)).toBe(0);
  });
});

describe('bucketLatencies', () => {
  it('groups by the second of acceptance, in order', () => {
    const buckets = bucketLatencies([
      { at: 2500, latencyMs: 40 },
      { at: 100, latencyMs: 5 },
      { at: 900, latencyMs: 15 },
      { at: 2100, latencyMs: 30 },
    ]);
    expect(buckets).toEqual([
      { second: 0, p50: 5, p99: 15, count: 2 },
      { second: 2, p50: 30, p99: 40, count: 2 },
    ]);
  });
});
