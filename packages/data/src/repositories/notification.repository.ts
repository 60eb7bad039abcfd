import type { DataSource, EntityManager, QueryDeepPartialEntity } from 'typeorm';
import {
  type DeliveryView,
  type ListResponse,
  NotificationStatus,
  type NotificationSummaryView,
  type NotificationView,
} from '@herald/contracts';
import { AttemptEntity, DeliveryEntity, NotificationEntity } from '../entities/index.js';
import { toAttemptView, toDeliveryView, toNotificationSummary } from './view-mappers.js';
import { decodeCursor, encodeCursor } from './cursor.js';

export interface NewNotification {
  id: string;
  type: string;
  source: { kind: string; id: string; ancestors?: { kind: string; id: string }[] } | null;
  trigger: string | null;
  data: Record<string, unknown>;
  actions: { label: string; url: string }[];
  recipients: { userId?: string; email?: string }[];
  channels: string[] | null;
  idempotencyKey: string | null;
  /** SHA-256 of the canonical request, kept beside the idempotency key to tell a replay from a conflict. */
  requestHash?: string | null;
  apiKeyId: string | null;
  /** Aim the notification at this notifier only, bypassing the hierarchy. */
  notifierId?: string | null;
}

export interface NotificationRecord extends NewNotification {
  requestHash: string | null;
  status: NotificationStatus;
  createdAt: Date;
  enqueuedAt: Date | null;
}

/** How long an idempotency key belongs to its first notification; after that it may be used again. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3600 * 1000;

/** What `insertOrFindByIdempotencyKey` settled on: the new row, or the live one holding the key. */
export interface IdempotentInsert {
  record: NotificationRecord;
  created: boolean;
}

// The expression of the unique index notifications_idempotency_idx (a NULL API key counts as one
// more key), spelt the same, with a literal, so that lookups by key use that index.
const keyOwner = (column: string) => `COALESCE(${column}, '00000000-0000-0000-0000-000000000000'::uuid)`;

export interface NotificationFilter {
  type?: string;
  status?: string;
  since?: Date;
  cursor?: string;
  limit: number;
}

export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Commits the accepted notification; the caller enqueues only after this resolves. */
  async insert(notification: NewNotification): Promise<NotificationRecord> {
    const repository = this.dataSource.getRepository(NotificationEntity);
    return toRecord(await repository.save(repository.create(toNewRow(notification))));
  }

  /**
   * Inserts a notification that carries an idempotency key, unless a live notification of the same
   * API key holds the key: that one comes back instead (`created: false`), to every loser of a race.
   * A holder older than `keyTtlMs` gives the key up (set NULL) to the new row in one transaction.
   */
  async insertOrFindByIdempotencyKey(
    notification: NewNotification & { idempotencyKey: string },
    keyTtlMs: number = IDEMPOTENCY_KEY_TTL_MS,
  ): Promise<IdempotentInsert> {
    const { apiKeyId, idempotencyKey } = notification;
    // A round repeats only if the holder lost the key between two statements (released, purged).
    for (let round = 0; round < 3; round++) {
      const inserted = await this.insertUnlessKeyTaken(this.dataSource.manager, notification);
      if (inserted) return { record: inserted, created: true };
      const reused = await this.dataSource.transaction(async (manager) => {
        // Locks an expired holder: a concurrent caller waits here, then finds the key no longer
        // on it (0 rows) and the row inserted below holding it.
        const [, released]: [unknown, number] = await manager.query(
          `UPDATE notifications SET idempotency_key = NULL
            WHERE ${keyOwner('api_key_id')} = ${keyOwner('$1::uuid')}
              AND idempotency_key = $2 AND created_at < now() - ($3::bigint * interval '1 millisecond')`,
          [apiKeyId, idempotencyKey, keyTtlMs],
        );
        return released > 0 ? this.insertUnlessKeyTaken(manager, notification) : null;
      });
      if (reused) return { record: reused, created: true };
      const holder = await this.findByIdempotencyKey(apiKeyId, idempotencyKey);
      if (holder) return { record: holder, created: false };
    }
    throw new Error(`idempotency key "${idempotencyKey}" kept changing hands; try again`);
  }

  /** The notification holding an idempotency key for an API key (null: the key-less callers), if any. */
  async findByIdempotencyKey(apiKeyId: string | null, key: string): Promise<NotificationRecord | null> {
    const row = await this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where(`${keyOwner('n.api_key_id')} = ${keyOwner('CAST(:apiKeyId AS uuid)')}`, { apiKeyId })
      .andWhere('n.idempotency_key = :key', { key })
      .getOne();
    return row ? toRecord(row) : null;
  }

  /** ON CONFLICT DO NOTHING: a taken key is an answer (null), not an error that aborts a transaction. */
  private async insertUnlessKeyTaken(
    manager: EntityManager,
    notification: NewNotification,
  ): Promise<NotificationRecord | null> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      // The JSON columns are typed `unknown` inside, which TypeORM's deep-partial type cannot map.
      .values(toNewRow(notification) as QueryDeepPartialEntity<NotificationEntity>)
      .orIgnore()
      .returning(['id'])
      .execute();
    const row = (result.raw as { id: string }[])[0];
    return row ? this.findById(row.id, manager) : null;
  }

  async markEnqueued(id: string): Promise<void> {
    await this.dataSource
      .getRepository(NotificationEntity)
      .update({ id }, { enqueuedAt: () => 'now()' } as never);
  }

  async findById(id: string, manager?: EntityManager): Promise<NotificationRecord | null> {
    const row = await (manager ?? this.dataSource.manager).findOneBy(NotificationEntity, { id });
    return row ? toRecord(row) : null;
  }

  /** Locks the notification row for the rest of the transaction (routing runs once per notification). */
  async lockForRouting(manager: EntityManager, id: string): Promise<NotificationRecord | null> {
    const row = await manager
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .setLock('pessimistic_write')
      .where('n.id = :id', { id })
      .getOne();
    return row ? toRecord(row) : null;
  }

  async setStatus(manager: EntityManager, id: string, status: NotificationStatus): Promise<void> {
    await manager.query(`UPDATE notifications SET status = $2, updated_at = now() WHERE id = $1`, [
      id,
      status,
    ]);
  }

  /** Marks the notification completed once no delivery of it can change any more. */
  async completeIfSettled(id: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `UPDATE notifications SET status = 'completed', updated_at = now()
        WHERE id = $1 AND status = 'routed'
          AND NOT EXISTS (
            SELECT 1 FROM deliveries
             WHERE notification_id = $1
               AND (status IN ('pending', 'sending', 'retrying') OR failover = 'pending'))`,
      [id],
    );
  }

  /** `completeIfSettled` for the notification of a delivery. */
  async completeIfSettledByDelivery(deliveryId: string): Promise<void> {
    const [row]: { notification_id: string }[] = await this.dataSource.query(
      `SELECT notification_id FROM deliveries WHERE id = $1`,
      [deliveryId],
    );
    if (row) await this.completeIfSettled(row.notification_id);
  }

  async findView(id: string): Promise<NotificationView | null> {
    const notification = await this.dataSource.getRepository(NotificationEntity).findOneBy({ id });
    if (!notification) return null;
    const deliveries = await this.dataSource
      .getRepository(DeliveryEntity)
      .find({ where: { notificationId: id }, order: { createdAt: 'ASC', id: 'ASC' } });
    const attempts = deliveries.length
      ? await this.dataSource
          .getRepository(AttemptEntity)
          .createQueryBuilder('a')
          .where('a.delivery_id IN (:...ids)', { ids: deliveries.map((d) => d.id) })
          .orderBy('a.number', 'ASC')
          .getMany()
      : [];
    const byDelivery = new Map<string, AttemptEntity[]>();
    for (const attempt of attempts) {
      byDelivery.set(attempt.deliveryId, [...(byDelivery.get(attempt.deliveryId) ?? []), attempt]);
    }
    const views: DeliveryView[] = deliveries.map((delivery) =>
      toDeliveryView(delivery, (byDelivery.get(delivery.id) ?? []).map(toAttemptView)),
    );
    return { ...toNotificationSummary(notification), deliveries: views };
  }

  /** Newest first, keyset-paged on (created_at, id). */
  async list(filter: NotificationFilter): Promise<ListResponse<NotificationSummaryView>> {
    const query = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(filter.limit + 1);
    if (filter.type) query.andWhere('n.type = :type', { type: filter.type });
    if (filter.status) query.andWhere('n.status = :status', { status: filter.status });
    if (filter.since) query.andWhere('n.created_at >= :since', { since: filter.since });
    if (filter.cursor) {
      const { createdAt, id } = decodeCursor(filter.cursor);
      query.andWhere('(n.created_at, n.id) < (:createdAt, :id)', { createdAt, id });
    }
    const rows = await query.getMany();
    const page = rows.slice(0, filter.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toNotificationSummary),
      nextCursor: rows.length > filter.limit && last ? encodeCursor(last.createdAt, last.id) : null,
    };
  }
}

function toNewRow(notification: NewNotification): Partial<NotificationEntity> {
  return {
    id: notification.id,
    type: notification.type,
    status: NotificationStatus.Accepted,
    sourceKind: notification.source?.kind ?? null,
    sourceId: notification.source?.id ?? null,
    sourceAncestors: notification.source?.ancestors ?? null,
    trigger: notification.trigger,
    data: notification.data,
    actions: notification.actions,
    recipients: notification.recipients,
    channels: notification.channels,
    idempotencyKey: notification.idempotencyKey,
    requestHash: notification.requestHash ?? null,
    apiKeyId: notification.apiKeyId,
    notifierId: notification.notifierId ?? null,
    enqueuedAt: null,
    // Millisecond precision, as the list cursor carries it: with Postgres' microseconds, rows
    // created in the same millisecond as a page's last one would fall between two pages.
    createdAt: new Date(),
  };
}

function toRecord(row: NotificationEntity): NotificationRecord {
  return {
    id: row.id,
    type: row.type,
    status: row.status as NotificationStatus,
    source:
      row.sourceKind && row.sourceId
        ? {
            kind: row.sourceKind,
            id: row.sourceId,
            ...(row.sourceAncestors ? { ancestors: row.sourceAncestors } : {}),
          }
        : null,
    trigger: row.trigger,
    data: row.data,
    actions: row.actions,
    recipients: row.recipients,
    channels: row.channels,
    idempotencyKey: row.idempotencyKey,
    requestHash: row.requestHash,
    apiKeyId: row.apiKeyId,
    notifierId: row.notifierId,
    createdAt: row.createdAt,
    enqueuedAt: row.enqueuedAt,
  };
}
