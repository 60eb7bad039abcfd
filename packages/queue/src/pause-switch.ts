import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { PauseFlags } from '@herald/contracts';

/** Where the flags outlive Redis and every process: `SettingRepository` of `@herald/data` is one. */
export interface PauseStore {
  readPauseFlags(): Promise<PauseFlags>;
  /** `channel` null: the global switch. */
  writePauseFlag(channel: string | null, paused: boolean): Promise<void>;
}

/** True when deliveries of `channel` must wait: the global switch or the channel's own one is on. */
export function isChannelHeld(flags: PauseFlags, channel: string): boolean {
  return flags.paused || flags.channels.includes(channel);
}

export class UnknownChannelError extends Error {
  constructor(readonly channel: string) {
    super(`no deliver queue for channel "${channel}"`);
    this.name = 'UnknownChannelError';
  }
}

/**
 * The kill switch over the `deliver.<channel>` queues (never `route`: events keep being routed and
 * their deliveries wait as pending). The flags are persisted first, then the queues are made to
 * match what is persisted (BullMQ queue pause, which every worker honours). A process that owns
 * queues calls `apply()` at start and whenever Redis comes back, so neither a restart nor a Redis
 * that lost its data un-pauses anything.
 */
export class PauseSwitch {
  /** @param queues every deliver queue, by channel name */
  constructor(
    private readonly queues: ReadonlyMap<string, Queue>,
    private readonly store: PauseStore,
  ) {}

  flags(): Promise<PauseFlags> {
    return this.store.readPauseFlags();
  }

  pauseAll(): Promise<PauseFlags> {
    return this.set(null, true);
  }

  resumeAll(): Promise<PauseFlags> {
    return this.set(null, false);
  }

  pauseChannel(channel: string): Promise<PauseFlags> {
    return this.set(channel, true);
  }

  resumeChannel(channel: string): Promise<PauseFlags> {
    return this.set(channel, false);
  }

  /**
   * Stores one switch (`channel` null: the global one) without touching the queues: for callers
   * that must tell "not stored" from "stored, not applied yet"; `apply()` is the second half.
   */
  async record(channel: string | null, paused: boolean): Promise<void> {
    if (channel !== null && !this.queues.has(channel)) throw new UnknownChannelError(channel);
    await this.store.writePauseFlag(channel, paused);
  }

  /**
   * Makes every queue match the persisted flags and returns them. Reading them back rather than
   * applying the caller's change keeps the queues following the store whoever changed it; should two
   * changes race, the next apply (a later change, a restart, a reconnect) settles it. A queue already
   * in the right state is left alone (no paused/resumed event).
   */
  async apply(): Promise<PauseFlags> {
    const flags = await this.store.readPauseFlags();
    await Promise.all(
      [...this.queues].map(async ([channel, queue]) => {
        const held = isChannelHeld(flags, channel);
        if ((await queue.isPaused()) === held) return;
        await (held ? queue.pause() : queue.resume());
      }),
    );
    return flags;
  }

  /**
   * Applies the stored flags every time `connection` becomes ready again: a Redis that restarted
   * without its data has lost the queues' paused markers. Failures go to `onError` (the next
   * reconnect or start tries again). Returns what stops it.
   */
  reapplyWhenReady(connection: Redis, onError: (error: unknown) => void): () => void {
    const reapply = () => void this.apply().catch(onError);
    connection.on('ready', reapply);
    return () => void connection.off('ready', reapply);
  }

  // Stored before it is applied: if Redis fails in between, the next apply() still finds it.
  private async set(channel: string | null, paused: boolean): Promise<PauseFlags> {
    await this.record(channel, paused);
    return this.apply();
  }
}
