import { migrateDatabase, redactUrl } from '@herald/data';
import type { CliEnv } from './cli-env.js';

/** `herald migrate`: create the database if missing and apply pending migrations. */
export async function migrateCommand(env: CliEnv, print: (line: string) => void): Promise<number> {
  const ran = await migrateDatabase(env.DATABASE_URL);
  print(
    ran.length === 0
      ? `${redactUrl(env.DATABASE_URL)} is up to date`
      : `applied ${ran.length} migration(s) to ${redactUrl(env.DATABASE_URL)}: ${ran.join(', ')}`,
  );
  return 0;
}
