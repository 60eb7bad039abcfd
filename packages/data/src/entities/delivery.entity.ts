import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RenderedMessage } from '@herald/contracts';

@Entity('deliveries')
export class DeliveryEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'notification_id' })
  notificationId: string;

  @Column('text')
  channel: string;

  @Column('uuid', { name: 'notifier_id', nullable: true })
  notifierId: string | null;

  @Column('text', { name: 'notifier_name', nullable: true })
  notifierName: string | null;

  @Column('text', { name: 'user_id', nullable: true })
  userId: string | null;

  @Column('text', { nullable: true })
  address: string | null;

  @Column('text')
  status: string;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('text', { name: 'dedupe_key', nullable: true })
  dedupeKey: string | null;

  @Column('jsonb', { nullable: true })
  message: RenderedMessage | null;

  @Column('int', { name: 'attempt_count', default: 0 })
  attemptCount: number;

  @Column('int', { name: 'max_attempts' })
  maxAttempts: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  @Column('timestamptz', { name: 'leased_until', nullable: true })
  leasedUntil: Date | null;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt: Date | null;

  /** The delivery this one replaces after it failed for good (failover to the notifier's fallback). */
  @Column('uuid', { name: 'fallback_of', nullable: true })
  fallbackOf: string | null;

  /** `pending` once this delivery failed for good and its notifier has a fallback; `done` once re-routed. */
  @Column('text', { nullable: true })
  failover: 'pending' | 'done' | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
