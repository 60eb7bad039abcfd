import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('preferences')
export class PreferenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { name: 'user_id' })
  userId: string;

  @Column('text', { name: 'event_type' })
  eventType: string;

  /** null = every channel of the event type. */
  @Column('text', { nullable: true })
  channel: string | null;

  @Column('boolean')
  enabled: boolean;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
