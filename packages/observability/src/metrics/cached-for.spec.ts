import { cachedFor } from './cached-for.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('cachedFor', () => {
  it('loads once per period and shares one call between concurrent callers', async () => {
    let loads = 0;
    const counts = cachedFor(100, async () => ++loads);
    expect(await Promise.all([counts(), counts()])).toEqual([1, 1]);
    expect(await counts()).toBe(1);
    await sleep(120);
    expect(await counts()).toBe(2);
  });

  it('does not keep a failed load', async () => {
    let calls = 0;
    const counts = cachedFor(60_000, async () => {
      calls += 1;
      if (calls === 1) throw new Error('Redis away');
      return calls;
    });
    await expect(counts()).rejects.toThrow('Redis away');
    expect(await counts()).toBe(2);
  });
});
