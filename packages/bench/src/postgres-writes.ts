import pg from 'pg';
import { sleep } from '@herald/testing';

/** Rows written per table, cumulative, as pg_stat_user_tables counts them. */
export type TableWrites = Map<string, { inserts: number; updates: number; deletes: number }>;

export interface PostgresWrites {
  deliveries: number;
  inserts: number;
  updates: number;
  deletes: number;
  /** (inserts + updates) / deliveries: the "row writes per delivery". */
  perDelivery: number;
  tables: { table: string; inserts: number; updates: number; deletes: number }[];
}

/** What was written between two snapshots, per delivery; tables nothing was written to are left out. */
export function writesBetween(before: TableWrites, after: TableWrites, deliveries: number): PostgresWrites {
  const tables: PostgresWrites['tables'] = [];
  for (const [table, end] of after) {
    const start = before.get(table) ?? { inserts: 0, updates: 0, deletes: 0 };
    const row = {
      table,
      inserts: end.inserts - start.inserts,
      updates: end.updates - start.updates,
      deletes: end.deletes - start.deletes,
    };
    if (row.inserts || row.updates || row.deletes) tables.push(row);
  }
  tables.sort((a, b) => b.inserts + b.updates - (a.inserts + a.updates));
  const sum = (key: 'inserts' | 'updates' | 'deletes') => tables.reduce((total, row) => total + row[key], 0);
  const inserts = sum('inserts');
  const updates = sum('updates');
  return {
    deliveries,
    inserts,
    updates,
    deletes: sum('deletes'),
    perDelivery: deliveries > 0 ? (inserts + updates) / deliveries : Number.NaN,
    tables,
  };
}

// Postgres 15 backends flush their table counters at most once a second while busy and within
// 10 s once idle, so the last of a run's writes show up that much later.
const STATS_SETTLE_MS = 11_000;

/** Reads the write counters of the benchmark's database (and only it: pg_stat_user_tables is per database). */
export class PostgresWriteCounter {
  constructor(private readonly databaseUrl: string) {}

  async snapshot(): Promise<TableWrites> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ relname: string; ins: string; upd: string; del: string }>(
        `SELECT relname, n_tup_ins AS ins, n_tup_upd AS upd, n_tup_del AS del FROM pg_stat_user_tables`,
      );
      return new Map(
        rows.map((row) => [
          row.relname,
          { inserts: Number(row.ins), updates: Number(row.upd), deletes: Number(row.del) },
        ]),
      );
    } finally {
      await client.end();
    }
  }

  /** A snapshot taken once the apps' backends have flushed what they counted. */
  async settledSnapshot(): Promise<TableWrites> {
    await sleep(STATS_SETTLE_MS);
    return this.snapshot();
  }
}
