import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import type { PauseSwitch } from '@herald/queue';
import type { Queue } from 'bullmq';

/** An error the board shows with its own status and message instead of a 500. */
export class QueueBoardRefusal extends Error {
  readonly statusCode = 409;
}

/**
 * A `deliver.<channel>` queue on the board. Its pause and resume are the channel's switch of the
 * kill switch (`POST /v1/admin/channels/:channel/pause`), stored in Postgres before the queue is
 * touched: a bare BullMQ pause would be undone by the next start or Redis reconnect, which apply the
 * stored flags, and would not show in `GET /v1/admin/status`. Retry, clean and promote stay BullMQ's.
 */
export class DeliverQueueBoardAdapter extends BullMQAdapter {
  constructor(
    queue: Queue,
    private readonly channel: string,
    private readonly pauseSwitch: PauseSwitch,
  ) {
    super(queue, { description: `Deliveries over ${channel}; pause here = the channel's Herald switch` });
  }

  override async pause(): Promise<void> {
    await this.pauseSwitch.pauseChannel(this.channel);
  }

  override async resume(): Promise<void> {
    const flags = await this.pauseSwitch.resumeChannel(this.channel);
    // The channel's own switch is off now, but the global one still holds every channel.
    if (flags.paused) {
      throw new QueueBoardRefusal(
        `Every channel is paused (POST /v1/admin/pause): ${this.channel} resumes with POST /v1/admin/resume`,
      );
    }
  }
}
