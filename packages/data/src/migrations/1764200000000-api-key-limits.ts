import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys managed through the admin endpoints: a per-key ingest rate limit (NULL: the API's
 * default; 0: none), and keyset paging newest first. `created_at` drops to millisecond precision,
 * as JavaScript dates and therefore paging cursors carry it: a cursor rounded below a microsecond
 * timestamp would skip rows on the next page.
 */
export class ApiKeyLimits1764200000000 implements MigrationInterface {
  name = 'ApiKeyLimits1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE api_keys
        ADD COLUMN rate_limit_per_minute integer CHECK (rate_limit_per_minute >= 0)`);
    await db.query(`UPDATE api_keys SET created_at = date_trunc('milliseconds', created_at)`);
    await db.query(
      `ALTER TABLE api_keys ALTER COLUMN created_at SET DEFAULT date_trunc('milliseconds', now())`,
    );
    await db.query(`CREATE INDEX api_keys_created_idx ON api_keys (created_at DESC, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX api_keys_created_idx`);
    await db.query(`ALTER TABLE api_keys ALTER COLUMN created_at SET DEFAULT now()`);
    await db.query(`ALTER TABLE api_keys DROP COLUMN rate_limit_per_minute`);
  }
}
