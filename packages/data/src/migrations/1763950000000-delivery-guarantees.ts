import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Columns for delivery guarantees: the request fingerprint behind idempotency replays, a
 * per-notifier attempt budget, and the per-event-type dedupe window with the key it compares.
 */
export class DeliveryGuarantees1763950000000 implements MigrationInterface {
  name = 'DeliveryGuarantees1763950000000';

  async up(db: QueryRunner): Promise<void> {
    // SHA-256 of the canonical request body: same key + same body replays, other body is a 422.
    await db.query(`ALTER TABLE notifications ADD COLUMN request_hash text`);
    await db.query(`ALTER TABLE notifiers ADD COLUMN max_attempts integer`);
    await db.query(`ALTER TABLE event_types ADD COLUMN dedupe_window_seconds integer`);
    // Hash of (channel, address or notifier, rendered message): the same message to the same
    // target within the window is sent once.
    await db.query(`ALTER TABLE deliveries ADD COLUMN dedupe_key text`);
    await db.query(
      `CREATE INDEX deliveries_dedupe_idx ON deliveries (dedupe_key, created_at) WHERE dedupe_key IS NOT NULL`,
    );
    // The retention purge walks finished notifications by age.
    await db.query(
      `CREATE INDEX notifications_finished_idx ON notifications (updated_at) WHERE status = 'completed'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS notifications_finished_idx`);
    await db.query(`DROP INDEX IF EXISTS deliveries_dedupe_idx`);
    await db.query(`ALTER TABLE deliveries DROP COLUMN dedupe_key`);
    await db.query(`ALTER TABLE event_types DROP COLUMN dedupe_window_seconds`);
    await db.query(`ALTER TABLE notifiers DROP COLUMN max_attempts`);
    await db.query(`ALTER TABLE notifications DROP COLUMN request_hash`);
  }
}
