import type { DataSource } from 'typeorm';
import type { ApiKeyView, ApiScope, ListResponse } from '@herald/contracts';
import { ApiKeyEntity } from '../entities/index.js';
import { decodeCursor, encodeCursor } from './cursor.js';

/** What the auth guard knows of the key a request came with. */
export interface ApiKeyRecord {
  id: string;
  name: string;
  scopes: string[];
  expiresAt: Date | null;
  /** Ingest requests per minute; null: the API's default, 0: not limited. */
  rateLimitPerMinute: number | null;
}

export interface NewApiKey {
  name: string;
  /** SHA-256 of the key: the key itself is shown to its creator once and never stored. */
  keyHash: string;
  scopes: string[];
  expiresAt: Date | null;
  rateLimitPerMinute: number | null;
}

export interface ApiKeyFilter {
  /** Revoked keys are left out unless asked for. */
  includeRevoked: boolean;
  cursor?: string;
  limit: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
    return row
      ? {
          id: row.id,
          name: row.name,
          scopes: row.scopes,
          expiresAt: row.expiresAt,
          rateLimitPerMinute: row.rateLimitPerMinute,
        }
      : null;
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

  async create(key: NewApiKey): Promise<ApiKeyView> {
    const repository = this.dataSource.getRepository(ApiKeyEntity);
    // Millisecond precision, as the list cursor carries it (see the ApiKeyLimits migration).
    return toApiKeyView(await repository.save(repository.create({ ...key, createdAt: new Date() })));
  }

  /** Any key, revoked or expired ones too; null for an unknown id (or one that is no UUID). */
  async findView(id: string): Promise<ApiKeyView | null> {
    if (!UUID.test(id)) return null;
    const row = await this.dataSource.getRepository(ApiKeyEntity).findOneBy({ id });
    return row ? toApiKeyView(row) : null;
  }

  /** Newest first, keyset-paged on (created_at, id). */
  async list(filter: ApiKeyFilter): Promise<ListResponse<ApiKeyView>> {
    const query = this.dataSource
      .getRepository(ApiKeyEntity)
      .createQueryBuilder('k')
      .orderBy('k.created_at', 'DESC')
      .addOrderBy('k.id', 'DESC')
      .limit(filter.limit + 1);
    if (!filter.includeRevoked) query.andWhere('k.revoked_at IS NULL');
    if (filter.cursor) {
      const { createdAt, id } = decodeCursor(filter.cursor);
      query.andWhere('(k.created_at, k.id) < (:createdAt, :id)', { createdAt, id });
    }
    const rows = await query.getMany();
    const page = rows.slice(0, filter.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toApiKeyView),
      nextCursor: rows.length > filter.limit && last ? encodeCursor(last.createdAt, last.id) : null,
    };
  }

  /**
   * Revokes the key from now on; revoking it again keeps the first time. False for an unknown id.
   * The guard reads the key from Postgres on every request, so the key stops working at once.
   */
  async revoke(id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    const [, updated]: [unknown, number] = await this.dataSource.query(
      `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1`,
      [id],
    );
    return updated > 0;
  }
}

function toApiKeyView(row: ApiKeyEntity): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes as ApiScope[],
    expiresAt: row.expiresAt ? row.expiresAt.toISOString() : null,
    rateLimitPerMinute: row.rateLimitPerMinute,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt ? row.revokedAt.toISOString() : null,
  };
}
