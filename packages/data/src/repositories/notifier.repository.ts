import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { NotifierEntity } from '../entities/index.js';
import type { NotifierMessages } from '../entities/notifier.entity.js';
import { needsReencryption, openConfig, sealConfig } from '../secrets/config-secrets.js';
import type { SecretBox } from '../secrets/secret-box.js';

/** A notifier as callers see it: `config` holds the plaintext secrets (the database never does). */
export interface NotifierRecord {
  id: string;
  name: string;
  type: string;
  description: string | null;
  isDefault: boolean;
  fallback: string | null;
  config: Record<string, unknown>;
  messages: NotifierMessages | null;
  /** Tries per delivery through this notifier; null: HERALD_MAX_ATTEMPTS. */
  maxAttempts: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export type NewNotifier = Omit<
  NotifierRecord,
  'id' | 'createdAt' | 'updatedAt' | 'messages' | 'maxAttempts'
> & {
  messages?: NotifierMessages | null;
  maxAttempts?: number | null;
};

/** What an update may change; `config` is the whole new config, in plaintext. */
export type NotifierChanges = Partial<
  Pick<NotifierRecord, 'description' | 'isDefault' | 'fallback' | 'config' | 'messages' | 'maxAttempts'>
>;

export interface ReencryptionResult {
  /** Notifiers looked at. */
  total: number;
  /** Notifiers that had a secret in plaintext or under an older key, now under the current key. */
  reencrypted: number;
}

export class NotifierNameTakenError extends Error {
  constructor(readonly notifierName: string) {
    super(`a notifier named "${notifierName}" already exists`);
    this.name = 'NotifierNameTakenError';
  }
}

/** Secrets are sealed on every write and opened on every read, so no caller handles ciphertext. */
export class NotifierRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: SecretBox,
  ) {}

  /** A new default for a channel takes the default over from the previous one, in one transaction. */
  async create(notifier: NewNotifier): Promise<NotifierRecord> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(NotifierEntity);
      if (await repository.existsBy({ name: notifier.name })) throw new NotifierNameTakenError(notifier.name);
      if (notifier.isDefault) await this.dropDefault(manager, notifier.type);
      const saved = await repository.save(
        repository.create({ ...notifier, config: sealConfig(notifier.type, notifier.config, this.secrets) }),
      );
      return this.open(saved);
    });
  }

  /** Applies the changes to the named notifier; null when there is none. */
  async update(name: string, changes: NotifierChanges): Promise<NotifierRecord | null> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(NotifierEntity);
      const row = await repository.findOne({ where: { name }, lock: { mode: 'pessimistic_write' } });
      if (!row) return null;
      if (changes.isDefault && !row.isDefault) await this.dropDefault(manager, row.type);
      const { config, ...rest } = changes;
      const given = Object.entries(rest).filter(([, value]) => value !== undefined);
      Object.assign(row, Object.fromEntries(given), { updatedAt: new Date() });
      if (config !== undefined) row.config = sealConfig(row.type, config, this.secrets);
      return this.open(await repository.save(row));
    });
  }

  /**
   * Deletes the named notifier; false when there is none. Its deliveries keep their history
   * (`notifier_id` becomes null, `notifier_name` stays), its attachments go, and notifiers that fell
   * back to it no longer have a fallback.
   */
  async delete(name: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(NotifierEntity);
      const row = await repository.findOne({ where: { name }, lock: { mode: 'pessimistic_write' } });
      if (!row) return false;
      await repository.update({ fallback: name }, { fallback: null, updatedAt: new Date() });
      await repository.delete({ id: row.id });
      return true;
    });
  }

  /**
   * Key rotation: every secret not under the current key (an older key's, or plaintext from before
   * encryption) is encrypted with it. One transaction: a value no configured key opens fails it all.
   */
  async reencryptAll(): Promise<ReencryptionResult> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(NotifierEntity);
      const rows = await repository.find({ order: { name: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      let reencrypted = 0;
      for (const row of rows) {
        if (!needsReencryption(row.type, row.config, this.secrets)) continue;
        row.config = sealConfig(row.type, this.open(row).config, this.secrets);
        // updated_at stays: what the notifier does has not changed.
        await repository.save(row);
        reencrypted++;
      }
      return { total: rows.length, reencrypted };
    });
  }

  async list(): Promise<NotifierRecord[]> {
    const rows = await this.dataSource.getRepository(NotifierEntity).find({ order: { name: 'ASC' } });
    return rows.map((row) => this.open(row));
  }

  async findByName(name: string): Promise<NotifierRecord | null> {
    return this.openOrNull(await this.dataSource.getRepository(NotifierEntity).findOneBy({ name }));
  }

  async findById(id: string): Promise<NotifierRecord | null> {
    return this.openOrNull(await this.dataSource.getRepository(NotifierEntity).findOneBy({ id }));
  }

  async findByIds(ids: string[]): Promise<NotifierRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.getRepository(NotifierEntity).findBy({ id: In(ids) });
    return rows.map((row) => this.open(row));
  }

  async findDefaults(): Promise<NotifierRecord[]> {
    const rows = await this.dataSource.getRepository(NotifierEntity).findBy({ isDefault: true });
    return rows.map((row) => this.open(row));
  }

  private async dropDefault(manager: EntityManager, type: string): Promise<void> {
    await manager.getRepository(NotifierEntity).update({ type, isDefault: true }, { isDefault: false });
  }

  private openOrNull(row: NotifierEntity | null): NotifierRecord | null {
    return row ? this.open(row) : null;
  }

  private open(row: NotifierEntity): NotifierRecord {
    return {
      id: row.id,
      name: row.name,
      type: row.type,
      description: row.description,
      isDefault: row.isDefault,
      fallback: row.fallback,
      config: openConfig(row.type, row.config, this.secrets, `notifier "${row.name}"`),
      messages: row.messages ?? null,
      maxAttempts: row.maxAttempts ?? null,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }
}
