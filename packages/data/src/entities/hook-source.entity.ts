import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** Who may call `POST /v1/hooks/:provider/:account`, and with which secret (sealed by the SecretBox). */
@Entity('hook_sources')
@Unique('hook_sources_provider_account_key', ['provider', 'account'])
export class HookSourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  provider: string;

  @Column('text')
  account: string;

  /** `enc:v1:...`: the HMAC key or Docker Hub URL token, never in plaintext. */
  @Column('text')
  secret: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
