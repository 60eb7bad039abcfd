import type { DataSource } from 'typeorm';
import type { PauseFlags } from '@herald/contracts';
import { SettingEntity } from '../entities/index.js';

// One row per switch rather than one JSON document: two operators pausing two channels at once
// each write their own row, so neither change is lost to the other's read-modify-write.
const PAUSE_ALL_KEY = 'pause';
const PAUSE_CHANNEL_PREFIX = 'pause.channel.';

export class SettingRepository {
  constructor(private readonly dataSource: DataSource) {}

  async get<Value>(key: string): Promise<Value | null> {
    const row = await this.dataSource.getRepository(SettingEntity).findOneBy({ key });
    return row ? (row.value as Value) : null;
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.dataSource
      .getRepository(SettingEntity)
      .upsert({ key, value: value as object, updatedAt: new Date() }, ['key']);
  }

  /** The persisted kill switch (the `PauseStore` of `@herald/queue`'s PauseSwitch). */
  async readPauseFlags(): Promise<PauseFlags> {
    const rows: { key: string; value: unknown }[] = await this.dataSource.query(
      `SELECT key, value FROM settings WHERE key = $1 OR starts_with(key, $2) ORDER BY key`,
      [PAUSE_ALL_KEY, PAUSE_CHANNEL_PREFIX],
    );
    return {
      paused: rows.some((row) => row.key === PAUSE_ALL_KEY && row.value === true),
      channels: rows
        .filter((row) => row.key.startsWith(PAUSE_CHANNEL_PREFIX) && row.value === true)
        .map((row) => row.key.slice(PAUSE_CHANNEL_PREFIX.length)),
    };
  }

  /** Sets the global switch (`channel` null) or one channel's. */
  async writePauseFlag(channel: string | null, paused: boolean): Promise<void> {
    await this.set(channel === null ? PAUSE_ALL_KEY : `${PAUSE_CHANNEL_PREFIX}${channel}`, paused);
  }
}
