import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_POSTGRES_URL =
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * A fresh database per suite, migrated with the given function (`migrateDatabase` from @herald/data), so suites run in parallel without seeing each other's rows.
 * Fails loudly (never skips) when Postgres is not reachable.
 */
export async function createTestDatabase(migrate: (url: string) => Promise<unknown>): Promise<TestDatabase> {
  const name = `herald_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  try {
    await migrate(url.toString());
  } catch (error) {
    throw new Error(
      `Tests need PostgreSQL at ${TEST_POSTGRES_URL} (set TEST_DATABASE_ADMIN_URL): ${(error as Error).message}`,
      { cause: error },
    );
  }
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}
