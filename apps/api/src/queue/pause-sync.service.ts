import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { PauseSwitch } from '@herald/queue';
import { Redis } from 'ioredis';
import { REDIS_PRODUCER } from './queue.tokens.js';

/**
 * Keeps the deliver queues as paused as Postgres says, at start and after every Redis reconnect (a
 * Redis that restarted empty has forgotten its paused queues). The API does not wait for Redis to
 * start: when it is away, the stored state is applied once it is back.
 */
@Injectable()
export class PauseSyncService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Pause');
  private stop?: () => void;

  constructor(
    private readonly pauseSwitch: PauseSwitch,
    @Inject(REDIS_PRODUCER) private readonly connection: Redis,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const warn = (error: unknown) =>
      this.logger.warn(
        `The stored pause state is not applied to the deliver queues yet (it will be once Redis answers): ${
          error instanceof Error ? error.message : String(error)
        }`,
      );
    this.stop = this.pauseSwitch.reapplyWhenReady(this.connection, warn);
    // The connection may have become ready before anyone listened.
    if (this.connection.status === 'ready') await this.pauseSwitch.apply().catch(warn);
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }
}
