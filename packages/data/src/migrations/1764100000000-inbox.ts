import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The in-app inbox: one row per delivery of the inapp channel. `delivery_id` is unique so a
 * delivery sent twice (a crash between send and record) still leaves one item. Items belong to the
 * user (gone with them) but not to the notification: they outlive the notifications' retention.
 */
export class Inbox1764100000000 implements MigrationInterface {
  name = 'Inbox1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE inbox_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        delivery_id uuid NOT NULL UNIQUE,
        notification_id uuid NOT NULL,
        type text NOT NULL,
        title text NOT NULL,
        markdown text NOT NULL,
        text text NOT NULL,
        actions jsonb NOT NULL DEFAULT '[]',
        data jsonb NOT NULL DEFAULT '{}',
        -- Millisecond precision, as JavaScript dates and therefore paging cursors carry it: a cursor
        -- rounded below a microsecond timestamp would skip rows on the next page.
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        read_at timestamptz,
        expires_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX inbox_items_user_created_idx ON inbox_items (user_id, created_at DESC, id DESC)`,
    );
    // Unread counts and `?unread=true` pages read only the unread rows.
    await db.query(
      `CREATE INDEX inbox_items_unread_idx ON inbox_items (user_id, created_at DESC, id DESC) WHERE read_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX inbox_items_expiry_idx ON inbox_items (expires_at) WHERE expires_at IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS inbox_items`);
  }
}
