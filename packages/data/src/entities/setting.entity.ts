import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Deployment-wide switches that must survive restarts (e.g. the global pause flag). */
@Entity('settings')
export class SettingEntity {
  @PrimaryColumn('text')
  key: string;

  @Column('jsonb')
  value: unknown;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
