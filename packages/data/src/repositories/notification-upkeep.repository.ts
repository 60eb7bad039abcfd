import type { DataSource } from 'typeorm';

/**
 * The queries the router's background loops run over notifications: the outbox relay, recovery
 * of notifications stuck on the way, and retention.
 */
export class NotificationUpkeepRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The outbox: notifications committed but never handed to the route queue (Redis was down at
   * accept time). Locks up to `limit` of them, skipping rows another relay holds, and lets
   * `enqueue` hand them over; they are marked only if it succeeds.
   */
  async relayUnenqueued(
    olderThanMs: number,
    limit: number,
    enqueue: (ids: string[]) => Promise<void>,
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string }[] = await manager.query(
        `SELECT id FROM notifications
          WHERE enqueued_at IS NULL AND created_at < now() - ($1::int * interval '1 millisecond')
          ORDER BY created_at
          LIMIT $2
          FOR UPDATE SKIP LOCKED`,
        [olderThanMs, limit],
      );
      if (rows.length === 0) return 0;
      const ids = rows.map((row) => row.id);
      await enqueue(ids);
      await manager.query(`UPDATE notifications SET enqueued_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
      return ids.length;
    });
  }

  /**
   * Retention: deletes up to `limit` completed notifications last changed over `olderThanDays` ago;
   * their deliveries and attempts go with them (ON DELETE CASCADE). One short batch per call, and
   * rows another purge holds are skipped, so replicas may purge at once.
   */
  async purgeCompleted(olderThanDays: number, limit: number): Promise<number> {
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM notifications WHERE id IN (
         SELECT id FROM notifications
          WHERE status = 'completed' AND updated_at < now() - ($1::int * interval '1 day')
          ORDER BY updated_at
          LIMIT $2
          FOR UPDATE SKIP LOCKED)`,
      [olderThanDays, limit],
    );
    return deleted;
  }

  /**
   * Frees up to `limit` idempotency keys held longer than `olderThanMs`, for notifications that
   * outlive their key (unfinished, or kept by a long retention). `updated_at` is left alone: it
   * dates the notification's last change, which retention reads.
   */
  async releaseIdempotencyKeys(olderThanMs: number, limit: number): Promise<number> {
    const [, released]: [unknown, number] = await this.dataSource.query(
      `UPDATE notifications SET idempotency_key = NULL WHERE id IN (
         SELECT id FROM notifications
          WHERE idempotency_key IS NOT NULL AND created_at < now() - ($1::bigint * interval '1 millisecond')
          LIMIT $2
          FOR UPDATE SKIP LOCKED)`,
      [olderThanMs, limit],
    );
    return released;
  }

  /**
   * Notifications handed to the route queue more than `graceMs` ago and still not routed: their
   * route job failed for good or was lost. Oldest first.
   */
  async findStuckAccepted(graceMs: number, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM notifications
        WHERE status = 'accepted' AND enqueued_at IS NOT NULL
          AND enqueued_at < now() - ($1::int * interval '1 millisecond')
        ORDER BY enqueued_at
        LIMIT $2`,
      [graceMs, limit],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Notifications routed more than `graceMs` ago whose deliveries are all final, yet not marked
   * completed: the worker recorded the last outcome and died (or lost Postgres) before settling the
   * notification, and the job's re-run found nothing left to claim. Marks them completed.
   */
  async settleFinished(graceMs: number, limit: number): Promise<string[]> {
    const [rows]: [{ id: string }[], number] = await this.dataSource.query(
      `UPDATE notifications SET status = 'completed', updated_at = now() WHERE id IN (
         SELECT n.id FROM notifications n
          WHERE n.status = 'routed' AND n.updated_at < now() - ($1::int * interval '1 millisecond')
            AND NOT EXISTS (
              SELECT 1 FROM deliveries d
               WHERE d.notification_id = n.id
                 AND (d.status IN ('pending', 'sending', 'retrying') OR d.failover = 'pending'))
          ORDER BY n.updated_at
          LIMIT $2
          FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [graceMs, limit],
    );
    return rows.map((row) => row.id);
  }
}
