import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { type BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { QueueName } from '@herald/contracts';
import { createQueue, PauseSwitch } from '@herald/queue';
import type { Queue } from 'bullmq';
import type { RequestHandler } from 'express';
import { Redis } from 'ioredis';
import { ApiEnv } from '../config/api-env.js';
import { DELIVER_QUEUES, REDIS_PRODUCER, ROUTE_QUEUE } from '../queue/queue.tokens.js';
import { DeliverQueueBoardAdapter } from './deliver-queue-board.adapter.js';

export const QUEUE_BOARD_PATH = '/admin/queues';

type BoardServerAdapter = Parameters<typeof createBullBoard>[0]['serverAdapter'];

// The board-wide buttons would set each channel's own switch rather than the global one, and pause
// `route` too, which the kill switch keeps running: the API's kill switch is the one way to pause all.
const BOARD_WIDE_PAUSE: Record<string, string> = {
  '/api/queues/pause': 'Pause every delivery queue with POST /v1/admin/pause (or `herald pause`)',
  '/api/queues/resume': 'Resume every delivery queue with POST /v1/admin/resume (or `herald resume`)',
};

/**
 * Bull Board over every Herald queue: `route`, `maintenance`, `failover` and each
 * `deliver.<channel>`, under Herald's key prefix. It reuses the API's producer queues; the two the
 * API does not otherwise produce to are opened here, on the same connection, and closed with the app.
 */
@Injectable()
export class QueueBoard implements BeforeApplicationShutdown {
  private readonly ownQueues: Queue[];
  private readonly serverAdapter = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);

  constructor(
    env: ApiEnv,
    @Inject(REDIS_PRODUCER) connection: Redis,
    @Inject(ROUTE_QUEUE) routeQueue: Queue,
    @Inject(DELIVER_QUEUES) deliverQueues: ReadonlyMap<string, Queue>,
    pauseSwitch: PauseSwitch,
  ) {
    this.ownQueues = [QueueName.Maintenance, QueueName.Failover].map((name) => {
      const queue = createQueue(name, connection, env.queuePrefix, { attempts: env.maxAttempts });
      // An EventEmitter 'error' without a listener would crash the process whenever Redis drops.
      queue.on('error', () => undefined);
      return queue;
    });
    createBullBoard({
      queues: [
        new BullMQAdapter(routeQueue, { description: 'Accepted notifications waiting to be routed' }),
        ...[...deliverQueues].map(
          ([channel, queue]) => new DeliverQueueBoardAdapter(queue, channel, pauseSwitch),
        ),
        ...this.ownQueues.map((queue) => new BullMQAdapter(queue)),
      ],
      // @bull-board/express 9.10.1 (its latest) is typed against api 9.10.1's adapter classes, whose
      // private fields make them nominally different from 9.10.2's; the shapes the board uses match.
      serverAdapter: this.serverAdapter as unknown as BoardServerAdapter,
      options: {
        uiConfig: { boardTitle: 'Herald queues' },
        handlerHooks: {
          before: ({ route }) => {
            const message = BOARD_WIDE_PAUSE[route];
            return message ? { allow: false, status: 409, message } : undefined;
          },
        },
      },
    });
  }

  /** The board's pages, static files and JSON API, to mount at QUEUE_BOARD_PATH. */
  router(): RequestHandler {
    return this.serverAdapter.getRouter() as RequestHandler;
  }

  // Before, not on, application shutdown: the queue module ends the shared connection in its
  // onApplicationShutdown, and a queue closed after that never finishes closing.
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.ownQueues.map((queue) => queue.close()));
  }
}
