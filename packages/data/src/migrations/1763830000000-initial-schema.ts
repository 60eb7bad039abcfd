import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1763830000000 implements MigrationInterface {
  name = 'InitialSchema1763830000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        type text NOT NULL,
        status text NOT NULL,
        source_kind text,
        source_id text,
        source_ancestors jsonb,
        trigger text,
        data jsonb NOT NULL DEFAULT '{}',
        actions jsonb NOT NULL DEFAULT '[]',
        recipients jsonb NOT NULL DEFAULT '[]',
        channels text[],
        idempotency_key text,
        api_key_id uuid,
        enqueued_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX notifications_created_idx ON notifications (created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX notifications_type_created_idx ON notifications (type, created_at DESC)`);
    // The outbox: committed but never handed to the route queue.
    await db.query(
      `CREATE INDEX notifications_unenqueued_idx ON notifications (created_at) WHERE enqueued_at IS NULL`,
    );

    await db.query(`
      CREATE TABLE notifiers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        type text NOT NULL,
        description text,
        is_default boolean NOT NULL DEFAULT false,
        fallback text,
        config jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX notifiers_one_default_per_type ON notifiers (type) WHERE is_default`);

    await db.query(`
      CREATE TABLE deliveries (
        id uuid PRIMARY KEY,
        notification_id uuid NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
        channel text NOT NULL,
        notifier_id uuid REFERENCES notifiers (id) ON DELETE SET NULL,
        notifier_name text,
        user_id text,
        address text,
        status text NOT NULL,
        reason text,
        message jsonb,
        attempt_count integer NOT NULL DEFAULT 0,
        max_attempts integer NOT NULL,
        last_error text,
        leased_until timestamptz,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX deliveries_notification_idx ON deliveries (notification_id)`);
    await db.query(
      `CREATE INDEX deliveries_open_idx ON deliveries (status, updated_at) WHERE status IN ('pending', 'sending', 'retrying')`,
    );

    await db.query(`
      CREATE TABLE attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        delivery_id uuid NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
        number integer NOT NULL,
        started_at timestamptz NOT NULL,
        duration_ms integer NOT NULL,
        outcome text NOT NULL,
        provider_code text,
        error text
      )`);
    await db.query(`CREATE INDEX attempts_delivery_idx ON attempts (delivery_id, number)`);

    await db.query(`
      CREATE TABLE resources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        external_id text NOT NULL,
        name text,
        parent_id uuid REFERENCES resources (id) ON DELETE SET NULL,
        inherit_notifiers boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (kind, external_id)
      )`);

    await db.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        resource_id uuid NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
        notifier_id uuid NOT NULL REFERENCES notifiers (id) ON DELETE CASCADE,
        triggers text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (resource_id, notifier_id)
      )`);

    await db.query(`
      CREATE TABLE users (
        id text PRIMARY KEY,
        email text,
        name text,
        username text,
        phone text,
        addresses jsonb NOT NULL DEFAULT '{}',
        timezone text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE event_types (
        name text PRIMARY KEY,
        templates jsonb NOT NULL DEFAULT '{}',
        default_methods text[] NOT NULL DEFAULT '{email}',
        admin_methods text[],
        enabled_by_default boolean NOT NULL DEFAULT true,
        critical boolean NOT NULL DEFAULT false,
        "group" text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE preferences (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        event_type text NOT NULL,
        channel text,
        enabled boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE UNIQUE INDEX preferences_unique ON preferences (user_id, event_type, COALESCE(channel, ''))`,
    );

    await db.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        scopes text[] NOT NULL,
        expires_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE UNIQUE INDEX notifications_idempotency_idx
        ON notifications (COALESCE(api_key_id, '00000000-0000-0000-0000-000000000000'), idempotency_key)
        WHERE idempotency_key IS NOT NULL`);

    await db.query(`
      CREATE TABLE settings (
        key text PRIMARY KEY,
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'settings',
      'api_keys',
      'preferences',
      'event_types',
      'users',
      'attachments',
      'resources',
      'attempts',
      'deliveries',
      'notifiers',
      'notifications',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
  }
}
