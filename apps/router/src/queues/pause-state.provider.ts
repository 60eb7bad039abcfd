import { Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { HeraldData } from '@herald/data';
import { PauseSwitch } from '@herald/queue';
import { DeliveryQueues } from './delivery-queues.service.js';

/**
 * Holds the deliver queues to the pause state stored in Postgres while the router runs: applied
 * once before anything is routed, and again every time Redis comes back (a Redis that restarted
 * empty has forgotten which queues were paused, and the router is what fills them).
 */
export class PauseState implements OnApplicationShutdown {
  private readonly logger = new Logger('Pause');
  private readonly stopReapplying: () => void;

  private constructor(connection: Redis, pauseSwitch: PauseSwitch) {
    this.stopReapplying = pauseSwitch.reapplyWhenReady(connection, (error) =>
      this.logger.warn(`Could not apply the stored pause state: ${(error as Error).message}`),
    );
  }

  static async start(queues: DeliveryQueues, data: HeraldData): Promise<PauseState> {
    const pauseSwitch = new PauseSwitch(queues.byChannel, data.settings);
    const flags = await pauseSwitch.apply();
    if (flags.paused || flags.channels.length > 0) {
      new Logger('Pause').log(
        `Deliveries are paused (${flags.paused ? 'every channel' : flags.channels.join(', ')}): they wait as pending until resumed`,
      );
    }
    return new PauseState(queues.connection, pauseSwitch);
  }

  onApplicationShutdown(): void {
    this.stopReapplying();
  }
}

/**
 * A factory rather than a class provider: Nest resolves every provider before any module's
 * onModuleInit, where the route worker starts, so no delivery is fanned out before this applied.
 */
export const pauseStateProvider: Provider = {
  provide: PauseState,
  inject: [DeliveryQueues, HeraldData],
  useFactory: (queues: DeliveryQueues, data: HeraldData) => PauseState.start(queues, data),
};
