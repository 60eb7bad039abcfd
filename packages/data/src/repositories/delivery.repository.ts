import type { DataSource, EntityManager } from 'typeorm';
import {
  AttemptOutcome,
  type DeliveryStatus,
  type RenderedMessage,
  type SkipReason,
} from '@herald/contracts';
import { DeliveryEntity } from '../entities/index.js';
import { openConfig } from '../secrets/config-secrets.js';
import type { SecretBox } from '../secrets/secret-box.js';

export interface NewDelivery {
  id: string;
  notificationId: string;
  channel: string;
  notifierId: string | null;
  notifierName: string | null;
  userId: string | null;
  address: string | null;
  status: DeliveryStatus.Pending | DeliveryStatus.Skipped | DeliveryStatus.Failed;
  reason: SkipReason | null;
  message: RenderedMessage | null;
  lastError: string | null;
  maxAttempts: number;
  /** Set for event types with a dedupe window: hash of the channel, target and rendered message. */
  dedupeKey?: string | null;
  /** The failed delivery this one replaces (failover to the notifier's fallback). */
  fallbackOf?: string | null;
}

/** A delivery the reconciler should hand to its queue again. */
export interface StuckDelivery {
  id: string;
  channel: string;
  status: DeliveryStatus;
  attemptCount: number;
}

export interface ClaimedDelivery {
  id: string;
  notificationId: string;
  channel: string;
  notifierId: string | null;
  userId: string | null;
  address: string | null;
  message: RenderedMessage | null;
  attemptCount: number;
  maxAttempts: number;
}

export interface AttemptRecord {
  number: number;
  startedAt: Date;
  durationMs: number;
  outcome: AttemptOutcome;
  providerCode: string | null;
  error: string | null;
}

/** What a worker needs beside the claimed row: the notification, the notifier and the user. */
export interface DeliveryContextRecord {
  notification: {
    id: string;
    type: string;
    data: Record<string, unknown>;
    actions: { label: string; url: string }[];
    source: { kind: string; id: string } | null;
    trigger: string | null;
    createdAt: Date;
  };
  notifier: { id: string; name: string; type: string; config: Record<string, unknown> } | null;
  user: { id: string; email: string | null; name: string | null; username: string | null } | null;
}

export class DeliveryRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: SecretBox,
  ) {}

  /** One multi-row insert for all deliveries of a notification. */
  async insertMany(manager: EntityManager, deliveries: NewDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    await manager.getRepository(DeliveryEntity).insert(deliveries.map((d) => ({ ...d, attemptCount: 0 })));
  }

  /**
   * Of `keys`, those carried by a delivery created in the last `windowSeconds` that went out or may
   * still go out (not failed, cancelled or skipped). One indexed query for a whole notification.
   */
  async findRecentDedupeKeys(keys: string[], windowSeconds: number): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows: { dedupe_key: string }[] = await this.dataSource.query(
      `SELECT DISTINCT dedupe_key FROM deliveries
        WHERE dedupe_key = ANY($1::text[])
          AND created_at > now() - ($2::int * interval '1 second')
          AND status NOT IN ('failed', 'cancelled', 'skipped')`,
      [keys, windowSeconds],
    );
    return new Set(rows.map((row) => row.dedupe_key));
  }

  /**
   * Deliveries the queues may have lost, paged by id after `afterId`: `sending` more than `graceMs`
   * past its lease (the worker died mid-send), or `pending`/`retrying` untouched for `graceMs`
   * outside `pausedChannels` (the caller checks whether a job still holds them).
   */
  async findStuck(
    graceMs: number,
    limit: number,
    options: { pausedChannels?: string[]; afterId?: string } = {},
  ): Promise<StuckDelivery[]> {
    const rows: { id: string; channel: string; status: DeliveryStatus; attempt_count: number }[] =
      await this.dataSource.query(
        `SELECT id, channel, status, attempt_count FROM deliveries
          WHERE ((status = 'sending' AND leased_until < now() - ($1::int * interval '1 millisecond'))
                 OR (status IN ('pending', 'retrying') AND NOT channel = ANY($3::text[])
                     AND updated_at < now() - ($1::int * interval '1 millisecond')))
            AND ($4::uuid IS NULL OR id > $4::uuid)
          ORDER BY id
          LIMIT $2`,
        [graceMs, limit, options.pausedChannels ?? [], options.afterId ?? null],
      );
    return rows.map((row) => ({
      id: row.id,
      channel: row.channel,
      status: row.status,
      attemptCount: row.attempt_count,
    }));
  }

  async idsToDispatch(notificationId: string): Promise<{ id: string; channel: string }[]> {
    return this.dataSource.query(
      `SELECT id, channel FROM deliveries WHERE notification_id = $1 AND status IN ('pending', 'retrying')`,
      [notificationId],
    );
  }

  /**
   * Takes the delivery for one send. No row back means another run already has it or it is
   * finished: the job is then a no-op. A `sending` row past its lease is taken too: its worker died
   * mid-send (a live one finishes within the lease), and BullMQ or the reconciler re-ran the job.
   */
  async claim(id: string, leaseMs: number): Promise<ClaimedDelivery | null> {
    // TypeORM answers an UPDATE ... RETURNING with [rows, affectedCount].
    const [rows]: [Record<string, unknown>[], number] = await this.dataSource.query(
      `UPDATE deliveries
          SET status = 'sending', attempt_count = attempt_count + 1,
              leased_until = now() + ($2::int * interval '1 millisecond'), updated_at = now()
        WHERE id = $1
          AND (status IN ('pending', 'retrying') OR (status = 'sending' AND leased_until < now()))
        RETURNING id, notification_id, channel, notifier_id, user_id, address, message,
                  attempt_count, max_attempts`,
      [id, leaseMs],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id as string,
      notificationId: row.notification_id as string,
      channel: row.channel as string,
      notifierId: row.notifier_id as string | null,
      userId: row.user_id as string | null,
      address: row.address as string | null,
      message: row.message as RenderedMessage | null,
      attemptCount: row.attempt_count as number,
      maxAttempts: row.max_attempts as number,
    };
  }

  /**
   * Records an attempt and the status it leads to, atomically. A rate-limited attempt gives back the
   * attempt it consumed at claim time, since the provider never looked at the message.
   */
  /**
   * Records one attempt and the delivery's new status in one transaction. A delivery that failed
   * for good through a notifier with a fallback, and is not itself a fallback, is marked for
   * failover in the same write; `failover` in the result says so, for the caller to ask the router.
   */
  async recordAttempt(
    deliveryId: string,
    attempt: AttemptRecord,
    status: DeliveryStatus,
    lastError: string | null,
  ): Promise<{ failover: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO attempts (delivery_id, number, started_at, duration_ms, outcome, provider_code, error)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          deliveryId,
          attempt.number,
          attempt.startedAt,
          attempt.durationMs,
          attempt.outcome,
          attempt.providerCode,
          attempt.error,
        ],
      );
      const refund = attempt.outcome === AttemptOutcome.RateLimited ? 1 : 0;
      const [rows]: [{ failover: string | null }[], number] = await manager.query(
        `UPDATE deliveries d
            SET status = $2, last_error = $3, leased_until = NULL, updated_at = now(),
                attempt_count = attempt_count - $4,
                sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE sent_at END,
                failover = CASE
                  WHEN $2 = 'failed' AND d.fallback_of IS NULL AND d.failover IS NULL AND EXISTS (
                    SELECT 1 FROM notifiers nf WHERE nf.id = d.notifier_id AND nf.fallback IS NOT NULL)
                  THEN 'pending' ELSE d.failover END
          WHERE id = $1
          RETURNING failover`,
        [deliveryId, status, lastError, refund],
      );
      return { failover: rows[0]?.failover === 'pending' };
    });
  }

  /**
   * The latest notification from `source` with one of `triggers`, created before `before`, that
   * went out through the notifier: what a `success` event resolves (PagerDuty's open incident).
   */
  async lastSentNotificationId(query: {
    notifierId: string;
    source: { kind: string; id: string };
    triggers: string[];
    before: Date;
  }): Promise<string | null> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT n.id FROM notifications n
        WHERE n.source_kind = $2 AND n.source_id = $3 AND n.trigger = ANY($4::text[]) AND n.created_at < $5
          AND EXISTS (SELECT 1 FROM deliveries d
                       WHERE d.notification_id = n.id AND d.notifier_id = $1 AND d.status = 'sent')
        ORDER BY n.created_at DESC
        LIMIT 1`,
      [query.notifierId, query.source.kind, query.source.id, query.triggers, query.before],
    );
    return rows[0]?.id ?? null;
  }

  /** One round trip for everything the send needs. */
  async loadContext(claimed: ClaimedDelivery): Promise<DeliveryContextRecord> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT n.id, n.type, n.data, n.actions, n.source_kind, n.source_id, n.trigger, n.created_at,
              nf.id AS notifier_id, nf.name AS notifier_name, nf.type AS notifier_type, nf.config AS notifier_config,
              u.id AS user_id, u.email AS user_email, u.name AS user_name, u.username AS user_username
         FROM notifications n
         LEFT JOIN notifiers nf ON nf.id = $2
         LEFT JOIN users u ON u.id = $3
        WHERE n.id = $1`,
      [claimed.notificationId, claimed.notifierId, claimed.userId],
    );
    const row = rows[0];
    if (!row) throw new Error(`notification ${claimed.notificationId} of delivery ${claimed.id} is gone`);
    return {
      notification: {
        id: row.id as string,
        type: row.type as string,
        data: row.data as Record<string, unknown>,
        actions: row.actions as { label: string; url: string }[],
        source: row.source_kind ? { kind: row.source_kind as string, id: row.source_id as string } : null,
        trigger: row.trigger as string | null,
        createdAt: row.created_at as Date,
      },
      notifier: row.notifier_id
        ? {
            id: row.notifier_id as string,
            name: row.notifier_name as string,
            type: row.notifier_type as string,
            // The one read of notifiers outside NotifierRepository: the worker needs the plaintext secrets.
            config: openConfig(
              row.notifier_type as string,
              row.notifier_config as Record<string, unknown>,
              this.secrets,
              `notifier "${row.notifier_name as string}"`,
            ),
          }
        : null,
      user: row.user_id
        ? {
            id: row.user_id as string,
            email: row.user_email as string | null,
            name: row.user_name as string | null,
            username: row.user_username as string | null,
          }
        : null,
    };
  }

  async findStatus(id: string): Promise<DeliveryStatus | null> {
    const row = await this.dataSource.getRepository(DeliveryEntity).findOne({
      where: { id },
      select: { status: true },
    });
    return row ? (row.status as DeliveryStatus) : null;
  }
}
