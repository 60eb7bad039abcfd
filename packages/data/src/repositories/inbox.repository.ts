import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { InboxItemView, ListResponse } from '@herald/contracts';
import { InboxItemEntity } from '../entities/index.js';
import { decodeCursor, encodeCursor } from './cursor.js';

/** What the in-app worker stores for one delivery. */
export interface NewInboxItem {
  userId: string;
  deliveryId: string;
  notificationId: string;
  type: string;
  title: string;
  markdown: string;
  text: string;
  actions: { label: string; url: string }[];
  data: Record<string, unknown>;
  /** The item expires this many days after it is stored; null: never. */
  ttlDays: number | null;
}

export interface StoredInboxItem {
  item: InboxItemView;
  /** False when the delivery had already stored it (a delivery sent twice). */
  created: boolean;
}

export interface InboxFilter {
  cursor?: string;
  limit: number;
  unreadOnly?: boolean;
}

// An expired item is gone for the user even before the purge deletes it.
const LIVE = '(i.expires_at IS NULL OR i.expires_at > now())';

/** A user's in-app inbox: written by the inapp worker, read and marked read through the API. */
export class InboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the item of a delivery once: a second insert for the same delivery returns the first. */
  async insert(item: NewInboxItem): Promise<StoredInboxItem> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO inbox_items
         (user_id, delivery_id, notification_id, type, title, markdown, text, actions, data, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now() + $10::int * interval '1 day')
       ON CONFLICT (delivery_id) DO NOTHING
       RETURNING id`,
      [
        item.userId,
        item.deliveryId,
        item.notificationId,
        item.type,
        item.title,
        item.markdown,
        item.text,
        // node-postgres would send a JS array as a Postgres array, not as JSON.
        JSON.stringify(item.actions),
        JSON.stringify(item.data),
        item.ttlDays,
      ],
    );
    const row = await this.dataSource
      .getRepository(InboxItemEntity)
      .findOneByOrFail({ deliveryId: item.deliveryId });
    return { item: toInboxItemView(row), created: inserted.length > 0 };
  }

  /** Newest first, keyset-paged on (created_at, id); expired items are left out. */
  async list(userId: string, filter: InboxFilter): Promise<ListResponse<InboxItemView>> {
    const query = this.live(userId)
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .limit(filter.limit + 1);
    if (filter.unreadOnly) query.andWhere('i.read_at IS NULL');
    if (filter.cursor) {
      const { createdAt, id } = decodeCursor(filter.cursor);
      query.andWhere('(i.created_at, i.id) < (:createdAt, :id)', { createdAt, id });
    }
    const rows = await query.getMany();
    const page = rows.slice(0, filter.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toInboxItemView),
      nextCursor: rows.length > filter.limit && last ? encodeCursor(last.createdAt, last.id) : null,
    };
  }

  async unreadCount(userId: string): Promise<number> {
    return this.live(userId).andWhere('i.read_at IS NULL').getCount();
  }

  /** False when the user has no such item. Marking a read item again keeps its first `readAt`. */
  async markRead(userId: string, itemId: string): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(InboxItemEntity)
      .set({ readAt: () => 'COALESCE(read_at, now())' })
      .where('id = :itemId AND user_id = :userId', { itemId, userId })
      .andWhere('(expires_at IS NULL OR expires_at > now())')
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Marks every unread item of the user read; returns how many it marked. */
  async markAllRead(userId: string): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(InboxItemEntity)
      .set({ readAt: () => 'now()' })
      .where('user_id = :userId AND read_at IS NULL', { userId })
      .andWhere('(expires_at IS NULL OR expires_at > now())')
      .execute();
    return result.affected ?? 0;
  }

  /** Deletes up to `limit` expired items (for the retention task); returns how many. */
  async deleteExpired(limit = 1000): Promise<number> {
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM inbox_items
        WHERE id IN (SELECT id FROM inbox_items WHERE expires_at <= now() LIMIT $1)`,
      [limit],
    );
    return deleted;
  }

  private live(userId: string): SelectQueryBuilder<InboxItemEntity> {
    return this.dataSource
      .getRepository(InboxItemEntity)
      .createQueryBuilder('i')
      .where('i.user_id = :userId', { userId })
      .andWhere(LIVE);
  }
}

export function toInboxItemView(row: InboxItemEntity): InboxItemView {
  return {
    id: row.id,
    notificationId: row.notificationId,
    type: row.type,
    title: row.title,
    markdown: row.markdown,
    text: row.text,
    actions: row.actions,
    data: row.data,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}
