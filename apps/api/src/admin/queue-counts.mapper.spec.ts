import { toQueueCounts } from './queue-counts.mapper.js';

describe('toQueueCounts', () => {
  it('counts prioritized jobs as waiting and fills in missing states', () => {
    expect(toQueueCounts({ waiting: 3, prioritized: 2, active: 1, failed: 4 })).toEqual({
      waiting: 5,
      active: 1,
      delayed: 0,
      failed: 4,
      completed: 0,
    });
  });
});
