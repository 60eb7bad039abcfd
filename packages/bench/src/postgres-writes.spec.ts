import { writesBetween, type TableWrites } from './postgres-writes.js';

describe('writesBetween', () => {
  const before: TableWrites = new Map([
    ['notifications', { inserts: 10, updates: 20, deletes: 0 }],
    ['api_keys', { inserts: 1, updates: 0, deletes: 0 }],
  ]);

  it('divides the inserts and updates of the run by the deliveries, busiest table first', () => {
    const after: TableWrites = new Map([
      ['notifications', { inserts: 110, updates: 320, deletes: 5 }],
      ['api_keys', { inserts: 1, updates: 0, deletes: 0 }],
      ['deliveries', { inserts: 100, updates: 200, deletes: 0 }],
    ]);
    expect(writesBetween(before, after, 100)).toEqual({
      deliveries: 100,
      inserts: 200,
      updates: 500,
      deletes: 5,
      perDelivery: 7,
      tables: [
        { table: 'notifications', inserts: 100, updates: 300, deletes: 5 },
        { table: 'deliveries', inserts: 100, updates: 200, deletes: 0 },
      ],
    });
  });

  it('has no per-delivery figure without deliveries', () => {
    expect(writesBetween(before, before, 0).perDelivery).toBeNaN();
  });
});
