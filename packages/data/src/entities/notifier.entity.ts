import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type NotifierMessages = Record<string, { title?: string; body?: string }>;

@Entity('notifiers')
export class NotifierEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { unique: true })
  name: string;

  @Column('text')
  type: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('boolean', { name: 'is_default', default: false })
  isDefault: boolean;

  /** Overrides HERALD_MAX_ATTEMPTS for deliveries through this notifier. */
  @Column('int', { name: 'max_attempts', nullable: true })
  maxAttempts: number | null;

  @Column('text', { nullable: true })
  fallback: string | null;

  @Column('jsonb')
  config: Record<string, unknown>;

  /** Custom message templates, per trigger or `default`: {title?, body?}. */
  @Column('jsonb', { nullable: true })
  messages: NotifierMessages | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
