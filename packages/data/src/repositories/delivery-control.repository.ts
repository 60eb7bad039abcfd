import type { DataSource } from 'typeorm';
import { NotificationStatus } from '@herald/contracts';
import type { NotificationRepository } from './notification.repository.js';

/** A delivery whose BullMQ job (id = delivery id) has to follow a change made here. */
export interface DeliveryJobRef {
  id: string;
  channel: string;
  /** Tries the delivery has left: what a job added for it now may use. */
  attemptsLeft: number;
}

export interface CancelResult {
  /** The deliveries cancelled now; their waiting jobs can go. */
  cancelled: DeliveryJobRef[];
}

export interface RedriveResult {
  /** How many failed deliveries went back to `pending`. */
  retried: number;
  /** Every delivery of the notification that now waits for a send, the re-driven ones included. */
  dispatch: DeliveryJobRef[];
}

/**
 * An operator's hand on deliveries: cancel what has not gone out, re-drive what failed. Each change
 * runs under the notification's row lock, the one the router takes to route it, so it never
 * interleaves with routing or with another cancel or retry of the same notification.
 */
export class DeliveryControlRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationRepository,
  ) {}

  /**
   * Cancels the deliveries not yet sent (`pending`, `retrying`) and completes the notification if
   * nothing else can change. A delivery being sent right now is left to finish: its worker records
   * the outcome and completes the notification then. A notification not routed yet is completed
   * with no deliveries, which the router takes as "nothing to route". Null: no such notification.
   */
  async cancel(notificationId: string): Promise<CancelResult | null> {
    return this.dataSource.transaction(async (manager) => {
      const notification = await this.notifications.lockForRouting(manager, notificationId);
      if (!notification) return null;
      if (notification.status === NotificationStatus.Accepted) {
        await this.notifications.setStatus(manager, notificationId, NotificationStatus.Completed);
        return { cancelled: [] };
      }
      // The worker's claim takes only pending/retrying rows: a cancelled one is never sent, even if
      // its job still runs.
      const [rows]: [JobRow[], number] = await manager.query(
        `UPDATE deliveries SET status = 'cancelled', leased_until = NULL, updated_at = now()
          WHERE notification_id = $1 AND status IN ('pending', 'retrying')
          RETURNING ${JOB_COLUMNS}`,
        [notificationId],
      );
      await this.notifications.completeIfSettled(notificationId, manager);
      return { cancelled: rows.map(toJobRef) };
    });
  }

  /**
   * Puts the failed deliveries back to `pending` with a fresh budget of tries: the notifier's
   * `maxAttempts`, else `defaultMaxAttempts`. The attempt history stays and `attempt_count` goes on
   * counting, so the budget raises `max_attempts` instead of resetting the count. Deliveries without
   * a rendered message (their template failed) are left: a retry would only fail them again, and
   * overwrite the template error with a less useful one. Null: no such notification.
   */
  async redrive(notificationId: string, defaultMaxAttempts: number): Promise<RedriveResult | null> {
    return this.dataSource.transaction(async (manager) => {
      const notification = await this.notifications.lockForRouting(manager, notificationId);
      if (!notification) return null;
      const [, retried]: [unknown, number] = await manager.query(
        `UPDATE deliveries d
            SET status = 'pending', leased_until = NULL, updated_at = now(),
                max_attempts = d.attempt_count
                  + COALESCE((SELECT nf.max_attempts FROM notifiers nf WHERE nf.id = d.notifier_id), $2)
          WHERE d.notification_id = $1 AND d.status = 'failed' AND d.message IS NOT NULL`,
        [notificationId, defaultMaxAttempts],
      );
      if (retried > 0 && notification.status === NotificationStatus.Completed) {
        await this.notifications.setStatus(manager, notificationId, NotificationStatus.Routed);
      }
      // Everything waiting, not only what was re-driven now: a retry repeated after Redis failed the
      // first one's enqueue still gets those deliveries a job.
      const dispatch: JobRow[] = await manager.query(
        `SELECT ${JOB_COLUMNS} FROM deliveries
          WHERE notification_id = $1 AND status IN ('pending', 'retrying')
          ORDER BY created_at, id`,
        [notificationId],
      );
      return { retried, dispatch: dispatch.map(toJobRef) };
    });
  }
}

const JOB_COLUMNS = `id, channel, GREATEST(max_attempts - attempt_count, 1) AS attempts_left`;

interface JobRow {
  id: string;
  channel: string;
  attempts_left: number;
}

function toJobRef(row: JobRow): DeliveryJobRef {
  return { id: row.id, channel: row.channel, attemptsLeft: row.attempts_left };
}
