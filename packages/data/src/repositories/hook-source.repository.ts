import type { DataSource } from 'typeorm';
import { HookSourceEntity } from '../entities/index.js';
import type { ReencryptionResult } from './notifier.repository.js';
import { SecretBox, SecretDecryptionError } from '../secrets/secret-box.js';

/** A hook source without its secret: what listings and admin answers need. */
export interface HookSourceRecord {
  id: string;
  provider: string;
  account: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A hook source with its secret in plaintext, for verifying one inbound hook. */
export interface HookSourceWithSecret extends HookSourceRecord {
  secret: string;
}

export interface NewHookSource {
  provider: string;
  account: string;
  /** Plaintext; sealed before it reaches Postgres. */
  secret: string;
}

export interface HookSourceUpsert {
  record: HookSourceRecord;
  /** False when a source with that provider and account existed and got the new secret. */
  created: boolean;
}

/** Secrets are sealed on write; only `findWithSecret` opens one, for the request that needs it. */
export class HookSourceRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: SecretBox,
  ) {}

  /** One row per (provider, account): a second call replaces the secret (a rotation), atomically. */
  async upsert(source: NewHookSource): Promise<HookSourceUpsert> {
    if (source.secret.length === 0) throw new Error('a hook source needs a non-empty secret');
    const rows: (HookSourceRow & { created: boolean })[] = await this.dataSource.query(
      `INSERT INTO hook_sources (provider, account, secret) VALUES ($1, $2, $3)
       ON CONFLICT (provider, account) DO UPDATE SET secret = EXCLUDED.secret, updated_at = now()
       RETURNING id, provider, account, created_at, updated_at, (xmax = 0) AS created`,
      [source.provider, source.account, this.secrets.encrypt(source.secret)],
    );
    const row = rows[0]!;
    return { record: fromRow(row), created: row.created };
  }

  async list(): Promise<HookSourceRecord[]> {
    const rows = await this.dataSource
      .getRepository(HookSourceEntity)
      .find({ order: { provider: 'ASC', account: 'ASC' } });
    return rows.map(toRecord);
  }

  async find(provider: string, account: string): Promise<HookSourceRecord | null> {
    const row = await this.dataSource.getRepository(HookSourceEntity).findOneBy({ provider, account });
    return row ? toRecord(row) : null;
  }

  /** The source with its plaintext secret; a secret no configured key opens throws, naming the source. */
  async findWithSecret(provider: string, account: string): Promise<HookSourceWithSecret | null> {
    const row = await this.dataSource.getRepository(HookSourceEntity).findOneBy({ provider, account });
    return row ? { ...toRecord(row), secret: this.open(row) } : null;
  }

  async delete(provider: string, account: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(HookSourceEntity).delete({ provider, account });
    return (result.affected ?? 0) > 0;
  }

  /** Key rotation, as `NotifierRepository.reencryptAll`: all or nothing, in one transaction. */
  async reencryptAll(): Promise<ReencryptionResult> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(HookSourceEntity);
      const rows = await repository.find({
        order: { provider: 'ASC', account: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      let reencrypted = 0;
      for (const row of rows) {
        if (!this.secrets.needsReencryption(row.secret)) continue;
        row.secret = this.secrets.encrypt(this.open(row));
        await repository.save(row);
        reencrypted++;
      }
      return { total: rows.length, reencrypted };
    });
  }

  private open(row: HookSourceEntity): string {
    if (!SecretBox.isSealed(row.secret)) return row.secret;
    try {
      return this.secrets.decrypt(row.secret);
    } catch (error) {
      // Names the source, never the value: the message reaches logs.
      throw new SecretDecryptionError(
        `hook source ${row.provider}/${row.account}: secret: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
}

interface HookSourceRow {
  id: string;
  provider: string;
  account: string;
  created_at: Date;
  updated_at: Date;
}

function fromRow(row: HookSourceRow): HookSourceRecord {
  return {
    id: row.id,
    provider: row.provider,
    account: row.account,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRecord(row: HookSourceEntity): HookSourceRecord {
  return {
    id: row.id,
    provider: row.provider,
    account: row.account,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
