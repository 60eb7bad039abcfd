import type { DataSource } from 'typeorm';
import type { ChannelTemplateMap } from '@herald/contracts';
import { EventTypeEntity } from '../entities/index.js';

export interface EventTypeRecord {
  name: string;
  /** Per channel or `default`; the column holds `blocks` too, which the entity's type leaves out. */
  templates: ChannelTemplateMap;
  defaultMethods: string[];
  adminMethods: string[] | null;
  enabledByDefault: boolean;
  critical: boolean;
  group: string | null;
  /**
   * The same rendered message to the same target within this many seconds is sent once; null: never.
   * Always set on a record read back; optional so records written without it mean "no window".
   */
  dedupeWindowSeconds?: number | null;
}

/** What `PUT /v1/event-types/:name` defines: everything but the admin's methods. */
export type EventTypeDefinition = Omit<EventTypeRecord, 'adminMethods'>;

export class EventTypeRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(name: string): Promise<EventTypeRecord | null> {
    const row = await this.dataSource.getRepository(EventTypeEntity).findOneBy({ name });
    return row ? toRecord(row) : null;
  }

  async list(): Promise<EventTypeRecord[]> {
    const rows = await this.dataSource.getRepository(EventTypeEntity).find({ order: { name: 'ASC' } });
    return rows.map(toRecord);
  }

  async delete(name: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(EventTypeEntity).delete({ name });
    return (result.affected ?? 0) > 0;
  }

  /** The admin's delivery methods for the type; null gives the choice back to its defaultMethods. */
  async setAdminMethods(name: string, methods: string[] | null): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(EventTypeEntity)
      .update({ name }, { adminMethods: methods, updatedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Creates or replaces a type's definition. The admin's methods survive: a team re-applying its
   * templates must not undo what an admin decided about how the type is delivered.
   */
  async define(definition: EventTypeDefinition): Promise<EventTypeRecord> {
    await this.dataSource.query(
      `INSERT INTO event_types
         (name, templates, default_methods, enabled_by_default, critical, "group", dedupe_window_seconds)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (name) DO UPDATE SET
         templates = EXCLUDED.templates,
         default_methods = EXCLUDED.default_methods,
         enabled_by_default = EXCLUDED.enabled_by_default,
         critical = EXCLUDED.critical,
         "group" = EXCLUDED."group",
         dedupe_window_seconds = EXCLUDED.dedupe_window_seconds,
         updated_at = now()`,
      [
        definition.name,
        JSON.stringify(definition.templates),
        definition.defaultMethods,
        definition.enabledByDefault,
        definition.critical,
        definition.group,
        definition.dedupeWindowSeconds ?? null,
      ],
    );
    return (await this.find(definition.name))!;
  }

  async put(record: EventTypeRecord): Promise<EventTypeRecord> {
    const repository = this.dataSource.getRepository(EventTypeEntity);
    await repository.upsert(
      { ...record, dedupeWindowSeconds: record.dedupeWindowSeconds ?? null, updatedAt: new Date() },
      ['name'],
    );
    return toRecord(await repository.findOneByOrFail({ name: record.name }));
  }
}

function toRecord(row: EventTypeEntity): EventTypeRecord {
  return {
    name: row.name,
    templates: row.templates,
    defaultMethods: row.defaultMethods,
    adminMethods: row.adminMethods,
    enabledByDefault: row.enabledByDefault,
    critical: row.critical,
    group: row.group,
    dedupeWindowSeconds: row.dedupeWindowSeconds,
  };
}
