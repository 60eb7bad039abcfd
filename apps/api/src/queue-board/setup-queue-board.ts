import type { INestApplication } from '@nestjs/common';
import { QueueBoardAuth } from './queue-board-auth.service.js';
import { QUEUE_BOARD_PATH, QueueBoard } from './queue-board.service.js';

/**
 * Mounts the board as Express middleware rather than a Nest controller: its routes stay out of the
 * router Nest builds, hence out of the OpenAPI document, and the API-key guard never sees them, so
 * the Basic check in front of everything under the path (pages, static files, JSON API) is the one.
 */
export function setupQueueBoard(app: INestApplication): void {
  app.use(QUEUE_BOARD_PATH, app.get(QueueBoardAuth).middleware(), app.get(QueueBoard).router());
}
