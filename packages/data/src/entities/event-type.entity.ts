import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Per channel (or `default`): Liquid templates for the title and the Markdown body. */
export type EventTypeTemplates = Record<string, { title?: string; body?: string; html?: string }>;

@Entity('event_types')
export class EventTypeEntity {
  @PrimaryColumn('text')
  name: string;

  @Column('jsonb', { default: {} })
  templates: EventTypeTemplates;

  @Column('text', { name: 'default_methods', array: true, default: () => "'{email}'" })
  defaultMethods: string[];

  @Column('text', { name: 'admin_methods', array: true, nullable: true })
  adminMethods: string[] | null;

  @Column('boolean', { name: 'enabled_by_default', default: true })
  enabledByDefault: boolean;

  @Column('boolean', { default: false })
  critical: boolean;

  /** The same rendered message to the same target within this many seconds is sent once. */
  @Column('int', { name: 'dedupe_window_seconds', nullable: true })
  dedupeWindowSeconds: number | null;

  @Column('text', { name: 'group', nullable: true })
  group: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
