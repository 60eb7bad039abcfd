import { Inject, Injectable } from '@nestjs/common';
import type { AdminStatusView, ChannelStatusView, PauseFlags } from '@herald/contracts';
import { isChannelHeld, PauseSwitch } from '@herald/queue';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { ApiError } from '../errors/api-error.js';
import { DELIVER_QUEUES, REDIS_PRODUCER, ROUTE_QUEUE } from '../queue/queue.tokens.js';
import { withRedis } from '../queue/redis-unavailable.js';
import { COUNTED_STATES, toQueueCounts } from './queue-counts.mapper.js';

const STORED_NOT_APPLIED =
  'The change is stored but Redis is unavailable: the deliver queues follow it as soon as Redis is back';

/** The kill switch and the queue depths: what `/v1/admin/pause`, `/resume` and `/status` answer. */
@Injectable()
export class AdminQueuesService {
  constructor(
    private readonly pauseSwitch: PauseSwitch,
    @Inject(DELIVER_QUEUES) private readonly deliverQueues: ReadonlyMap<string, Queue>,
    @Inject(ROUTE_QUEUE) private readonly routeQueue: Queue,
    @Inject(REDIS_PRODUCER) private readonly redis: Redis,
  ) {}

  pauseAll(): Promise<AdminStatusView> {
    return this.change(null, true);
  }

  resumeAll(): Promise<AdminStatusView> {
    return this.change(null, false);
  }

  pauseChannel(channel: string): Promise<AdminStatusView> {
    return this.change(this.known(channel), true);
  }

  resumeChannel(channel: string): Promise<AdminStatusView> {
    return this.change(this.known(channel), false);
  }

  async status(flags?: PauseFlags): Promise<AdminStatusView> {
    const current = flags ?? (await this.pauseSwitch.flags());
    const [route, ...channels] = await withRedis(this.redis, () =>
      Promise.all(
        [this.routeQueue, ...this.deliverQueues.values()].map((queue) =>
          queue.getJobCounts(...COUNTED_STATES),
        ),
      ),
    );
    const byChannel: Record<string, ChannelStatusView> = {};
    [...this.deliverQueues.keys()].forEach((channel, index) => {
      byChannel[channel] = {
        paused: isChannelHeld(current, channel),
        channelPaused: current.channels.includes(channel),
        ...toQueueCounts(channels[index]!),
      };
    });
    return { paused: current.paused, channels: byChannel, route: toQueueCounts(route!) };
  }

  /**
   * Stored first (Postgres away: the usual 503), then applied: Redis away means a 503 that says the
   * change is kept, and the queues follow it once Redis is back.
   */
  private async change(channel: string | null, paused: boolean): Promise<AdminStatusView> {
    await this.pauseSwitch.record(channel, paused);
    return this.status(await withRedis(this.redis, () => this.pauseSwitch.apply(), STORED_NOT_APPLIED));
  }

  private known(channel: string): string {
    if (!this.deliverQueues.has(channel)) throw ApiError.notFound(`No channel named "${channel}"`);
    return channel;
  }
}
