import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('inbox_items')
export class InboxItemEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'user_id' })
  userId: string;

  @Column('uuid', { name: 'delivery_id' })
  deliveryId: string;

  @Column('uuid', { name: 'notification_id' })
  notificationId: string;

  @Column('text')
  type: string;

  @Column('text')
  title: string;

  @Column('text')
  markdown: string;

  @Column('text')
  text: string;

  @Column('jsonb')
  actions: { label: string; url: string }[];

  @Column('jsonb')
  data: Record<string, unknown>;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'read_at', nullable: true })
  readAt: Date | null;

  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt: Date | null;
}
