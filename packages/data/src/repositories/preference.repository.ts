import type { DataSource } from 'typeorm';
import { PreferenceEntity } from '../entities/index.js';

export interface PreferenceRecord {
  userId: string;
  eventType: string;
  /** null: every channel of the event type. */
  channel: string | null;
  enabled: boolean;
}

export class PreferenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One opt-out or opt-in per (user, event type, channel or all channels); a second PUT replaces it. */
  async put(preference: PreferenceRecord): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO preferences (user_id, event_type, channel, enabled)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, event_type, (COALESCE(channel, '')))
       DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = now()`,
      [preference.userId, preference.eventType, preference.channel, preference.enabled],
    );
  }

  async forUser(userId: string): Promise<PreferenceRecord[]> {
    return this.dataSource
      .getRepository(PreferenceEntity)
      .find({ where: { userId }, order: { eventType: 'ASC', channel: 'ASC' } })
      .then((rows) => rows.map(toRecord));
  }

  /** Every preference the given users hold for one event type, grouped by user. */
  async forUsers(userIds: string[], eventType: string): Promise<Map<string, PreferenceRecord[]>> {
    const grouped = new Map<string, PreferenceRecord[]>();
    if (userIds.length === 0) return grouped;
    const rows = await this.dataSource
      .getRepository(PreferenceEntity)
      .createQueryBuilder('p')
      .where('p.user_id IN (:...userIds)', { userIds })
      .andWhere('p.event_type = :eventType', { eventType })
      .getMany();
    for (const row of rows) grouped.set(row.userId, [...(grouped.get(row.userId) ?? []), toRecord(row)]);
    return grouped;
  }
}

function toRecord(row: PreferenceEntity): PreferenceRecord {
  return { userId: row.userId, eventType: row.eventType, channel: row.channel, enabled: row.enabled };
}
