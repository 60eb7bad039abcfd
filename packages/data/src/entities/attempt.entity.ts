import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('attempts')
export class AttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'delivery_id' })
  deliveryId: string;

  @Column('int')
  number: number;

  @Column('timestamptz', { name: 'started_at' })
  startedAt: Date;

  @Column('int', { name: 'duration_ms' })
  durationMs: number;

  @Column('text')
  outcome: string;

  @Column('text', { name: 'provider_code', nullable: true })
  providerCode: string | null;

  @Column('text', { nullable: true })
  error: string | null;
}
