import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failover: a delivery that failed for good through a notifier with a `fallback` is re-routed once
 * to the fallback. `failover` marks the failed one (`pending` until the router has created the
 * fallback delivery, then `done`); the new delivery points back with `fallback_of`.
 */
export class Failover1764050000000 implements MigrationInterface {
  name = 'Failover1764050000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE deliveries ADD COLUMN fallback_of uuid REFERENCES deliveries (id) ON DELETE CASCADE`,
    );
    await db.query(`ALTER TABLE deliveries ADD COLUMN failover text CHECK (failover IN ('pending', 'done'))`);
    // A `success` event finds the earlier `error` notification of its source (PagerDuty resolve).
    await db.query(
      `CREATE INDEX notifications_source_idx ON notifications (source_kind, source_id, created_at DESC)
        WHERE source_kind IS NOT NULL`,
    );
    // The reconciler looks for failovers the router never took up.
    await db.query(
      `CREATE INDEX deliveries_failover_pending_idx ON deliveries (updated_at) WHERE failover = 'pending'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS deliveries_failover_pending_idx`);
    await db.query(`DROP INDEX IF EXISTS notifications_source_idx`);
    await db.query(`ALTER TABLE deliveries DROP COLUMN failover`);
    await db.query(`ALTER TABLE deliveries DROP COLUMN fallback_of`);
  }
}
