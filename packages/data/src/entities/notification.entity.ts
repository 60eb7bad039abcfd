import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('notifications')
export class NotificationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  type: string;

  @Column('text')
  status: string;

  @Column('text', { name: 'source_kind', nullable: true })
  sourceKind: string | null;

  @Column('text', { name: 'source_id', nullable: true })
  sourceId: string | null;

  @Column('jsonb', { name: 'source_ancestors', nullable: true })
  sourceAncestors: { kind: string; id: string }[] | null;

  @Column('text', { nullable: true })
  trigger: string | null;

  @Column('jsonb')
  data: Record<string, unknown>;

  @Column('jsonb')
  actions: { label: string; url: string }[];

  @Column('jsonb')
  recipients: { userId?: string; email?: string }[];

  @Column('text', { array: true, nullable: true })
  channels: string[] | null;

  @Column('text', { name: 'idempotency_key', nullable: true })
  idempotencyKey: string | null;

  /** SHA-256 of the canonical request, to tell a replay from a different request with the same key. */
  @Column('text', { name: 'request_hash', nullable: true })
  requestHash: string | null;

  /** Set when the notification is aimed at one notifier only (a notifier test). */
  @Column('uuid', { name: 'notifier_id', nullable: true })
  notifierId: string | null;

  @Column('uuid', { name: 'api_key_id', nullable: true })
  apiKeyId: string | null;

  @Column('timestamptz', { name: 'enqueued_at', nullable: true })
  enqueuedAt: Date | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
