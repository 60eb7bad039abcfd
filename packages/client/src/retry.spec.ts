import { HeraldApiError } from './herald-api-error.js';
import { backoffMs, withRetries } from './retry.js';

const OPTIONS = { retries: 2, baseMs: 1, capMs: 4 };

describe('backoffMs', () => {
  it('doubles from the base, stays within the cap, and keeps at least half of each step', () => {
    const options = { retries: 10, baseMs: 100, capMs: 1000 };
    for (const [attempt, ceiling] of [
      [0, 100],
      [1, 200],
      [3, 800],
      [4, 1000],
      [20, 1000],
    ] as const) {
      for (let sample = 0; sample < 20; sample += 1) {
        const wait = backoffMs(attempt, options);
        expect(wait).toBeGreaterThanOrEqual(ceiling / 2);
        expect(wait).toBeLessThanOrEqual(ceiling);
      }
    }
  });
});

describe('withRetries', () => {
  it('retries a retryable error until it succeeds', async () => {
    let tries = 0;
    const result = await withRetries(async () => {
      tries += 1;
      if (tries < 3) throw new HeraldApiError(503, 'service_unavailable', 'away');
      return 'done';
    }, OPTIONS);
    expect({ result, tries }).toEqual({ result: 'done', tries: 3 });
  });

  it('stops after the retries with the last error', async () => {
    let tries = 0;
    const failing = withRetries(async () => {
      tries += 1;
      throw new HeraldApiError(503, 'service_unavailable', `away ${tries}`);
    }, OPTIONS);
    await expect(failing).rejects.toThrow('away 3');
  });

  it.each([
    new HeraldApiError(422, 'idempotency_conflict', 'other request'),
    new HeraldApiError(500, 'internal_error', 'bug'),
    new TypeError('not an API error'),
  ])('never retries %s', async (error) => {
    let tries = 0;
    await expect(
      withRetries(async () => {
        tries += 1;
        throw error;
      }, OPTIONS),
    ).rejects.toBe(error);
    expect(tries).toBe(1);
  });
});
