import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { TEST_POSTGRES_URL } from '@herald/testing';
import { CliEnv } from './cli-env.js';
import { migrateCommand } from './migrate.command.js';

describe('herald migrate', () => {
  const name = `herald_cli_${randomBytes(4).toString('hex')}`;
  const url = Object.assign(new URL(TEST_POSTGRES_URL), { pathname: `/${name}` }).toString();

  afterAll(async () => {
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.end();
  });

  it('creates a missing database, migrates it, and is a no-op the second time', async () => {
    const lines: string[] = [];
    const env = CliEnv.from({ DATABASE_URL: url });
    expect(await migrateCommand(env, (line) => lines.push(line))).toBe(0);
    // Every migration, the first one included: a missing database starts from nothing.
    expect(lines[0]).toMatch(/^applied \d+ migration\(s\) to .*InitialSchema/);
    expect(await migrateCommand(env, (line) => lines.push(line))).toBe(0);
    expect(lines[1]).toMatch(/is up to date/);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const tables = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
    );
    await client.end();
    // The first migration's tables, the last ones', and TypeORM's record of what ran.
    expect(tables.rows.map((row) => row.tablename)).toEqual(
      expect.arrayContaining([
        'notifications',
        'deliveries',
        'attempts',
        'inbox_items',
        'hook_sources',
        'migrations',
      ]),
    );
  });
});
