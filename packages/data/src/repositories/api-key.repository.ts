import type { DataSource } from 'typeorm';
import { ApiKeyEntity } from '../entities/index.js';

export interface ApiKeyRecord {
  id: string;
  name: string;
  scopes: string[];
  expiresAt: Date | null;
}

export class ApiKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The key with this hash, if it is neither revoked nor expired. */
  async findActiveByHash(keyHash: string): Promise<ApiKeyRecord | null> {
    const row = await this.dataSource
      .getRepository(ApiKeyEntity)
      .createQueryBuilder('k')
      .where('k.key_hash = :keyHash', { keyHash })
      .andWhere('k.revoked_at IS NULL')
      .andWhere('(k.expires_at IS NULL OR k.expires_at > now())')
      .getOne();
    return row ? { id: row.id, name: row.name, scopes: row.scopes, expiresAt: row.expiresAt } : null;
  }

  /** Idempotent: used to install the bootstrap admin key on every start. */
  async ensure(name: string, keyHash: string, scopes: string[]): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ApiKeyEntity)
      .values({ name, keyHash, scopes })
      .orUpdate(['scopes', 'name'], ['key_hash'])
      .execute();
  }
}
