import { mapWithConcurrency } from './concurrency.js';
import { sleep } from './eventually.js';

describe('mapWithConcurrency', () => {
  it('keeps the order of the items and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapWithConcurrency([30, 10, 20, 5, 15], 2, async (ms, index) => {
      running += 1;
      most = Math.max(most, running);
      await sleep(ms);
      running -= 1;
      return `${index}:${ms}`;
    });
    expect(results).toEqual(['0:30', '1:10', '2:20', '3:5', '4:15']);
    expect(most).toBe(2);
  });

  it('answers an empty list with an empty list', async () => {
    expect(await mapWithConcurrency([], 5, async () => 1)).toEqual([]);
  });
});
