import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifiers get custom message templates (per trigger, or `default`), and a notification can be
 * aimed at one notifier only (`POST /v1/notifiers/:name/test`).
 */
export class NotifierMessages1763900000000 implements MigrationInterface {
  name = 'NotifierMessages1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notifiers ADD COLUMN messages jsonb`);
    await db.query(
      `ALTER TABLE notifications ADD COLUMN notifier_id uuid REFERENCES notifiers (id) ON DELETE SET NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notifications DROP COLUMN notifier_id`);
    await db.query(`ALTER TABLE notifiers DROP COLUMN messages`);
  }
}
