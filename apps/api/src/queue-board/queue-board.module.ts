import { Module } from '@nestjs/common';
import { QueueBoardAuth } from './queue-board-auth.service.js';
import { QueueBoard } from './queue-board.service.js';

/** Bull Board at `/admin/queues`, behind HTTP Basic with an admin API key; see setupQueueBoard. */
@Module({
  providers: [QueueBoard, QueueBoardAuth],
})
export class QueueBoardModule {}
