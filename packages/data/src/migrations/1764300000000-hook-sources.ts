import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The senders of inbound webhooks: one row per (provider, account), holding the secret that
 * authenticates its hooks, encrypted like notifier secrets. The CHECK keeps an empty secret out
 * even if a future code path forgot to: an empty key would mean "verification off".
 */
export class HookSources1764300000000 implements MigrationInterface {
  name = 'HookSources1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE hook_sources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        provider text NOT NULL,
        account text NOT NULL,
        secret text NOT NULL CHECK (secret <> ''),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT hook_sources_provider_account_key UNIQUE (provider, account)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS hook_sources`);
  }
}
