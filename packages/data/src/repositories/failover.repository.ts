import type { DataSource, EntityManager } from 'typeorm';

/** A delivery that failed for good through a notifier with a fallback, locked for its failover. */
export interface FailedOver {
  id: string;
  notificationId: string;
  userId: string | null;
  /** The fallback notifier's name, as the failed delivery's notifier names it now. */
  fallback: string | null;
}

/**
 * Failover: a delivery that fails for good through a notifier naming a `fallback` is re-routed
 * once to the fallback. The worker marks it `failover = 'pending'` in the transaction that records
 * the failure; the router creates the fallback delivery and marks it `done` in one transaction.
 */
export class FailoverRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Locks a delivery still waiting for its failover; null if there is none (done by another run).
   * The caller's transaction creates the fallback delivery and calls `markDone`.
   */
  async lockPending(manager: EntityManager, deliveryId: string): Promise<FailedOver | null> {
    const rows: { id: string; notification_id: string; user_id: string | null; fallback: string | null }[] =
      await manager.query(
        `SELECT d.id, d.notification_id, d.user_id, nf.fallback
           FROM deliveries d LEFT JOIN notifiers nf ON nf.id = d.notifier_id
          WHERE d.id = $1 AND d.failover = 'pending'
          FOR UPDATE OF d`,
        [deliveryId],
      );
    const row = rows[0];
    return row
      ? { id: row.id, notificationId: row.notification_id, userId: row.user_id, fallback: row.fallback }
      : null;
  }

  async markDone(manager: EntityManager, deliveryId: string): Promise<void> {
    await manager.query(`UPDATE deliveries SET failover = 'done', updated_at = now() WHERE id = $1`, [
      deliveryId,
    ]);
  }

  /** Failovers pending for more than `graceMs`: their job was lost (Redis down when the worker asked). */
  async findPending(graceMs: number, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM deliveries
        WHERE failover = 'pending' AND updated_at < now() - ($1::int * interval '1 millisecond')
        ORDER BY updated_at
        LIMIT $2`,
      [graceMs, limit],
    );
    return rows.map((row) => row.id);
  }
}
