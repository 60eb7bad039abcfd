import { computeBackoffMs } from './backoff.js';

describe('computeBackoffMs', () => {
  const settings = { baseMs: 1000, capMs: 10_000 };

  it('doubles per attempt between half and all of the exponential delay', () => {
    expect(computeBackoffMs(1, settings, () => 0)).toBe(500);
    expect(computeBackoffMs(1, settings, () => 1)).toBe(1000);
    expect(computeBackoffMs(2, settings, () => 1)).toBe(2000);
    expect(computeBackoffMs(3, settings, () => 0.5)).toBe(3000);
  });

  it('never exceeds the cap', () => {
    expect(computeBackoffMs(30, settings, () => 1)).toBe(10_000);
    expect(computeBackoffMs(30, settings, () => 0)).toBe(5000);
  });
});
