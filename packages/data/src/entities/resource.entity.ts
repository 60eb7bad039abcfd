import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('resources')
export class ResourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: string;

  @Column('text', { name: 'external_id' })
  externalId: string;

  @Column('text', { nullable: true })
  name: string | null;

  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId: string | null;

  @Column('boolean', { name: 'inherit_notifiers', default: true })
  inheritNotifiers: boolean;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
