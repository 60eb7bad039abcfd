import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The reconciler looks for notifications stuck on the way (accepted or routed) by age. */
export class InFlightIndex1764000000000 implements MigrationInterface {
  name = 'InFlightIndex1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX notifications_in_flight_idx ON notifications (updated_at) WHERE status IN ('accepted', 'routed')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS notifications_in_flight_idx`);
  }
}
