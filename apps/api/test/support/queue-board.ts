import { createQueue, createRedisConnection } from '@herald/queue';
import { TEST_REDIS_URL } from '@herald/testing';
import { Worker } from 'bullmq';

export const BOARD_PATH = '/admin/queues';

/** An `Authorization: Basic` value, as a browser sends it. */
export function basicAuth(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

export interface BoardResponse {
  status: number;
  headers: Headers;
  text: string;
  // Tests read the board's JSON loosely; each assertion states the shape it expects.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/** One request to the board; `authorization` null sends none. */
export async function boardRequest(
  baseUrl: string,
  method: string,
  path: string,
  authorization: string | null,
): Promise<BoardResponse> {
  const response = await fetch(`${baseUrl}${BOARD_PATH}${path}`, {
    method,
    headers: authorization === null ? {} : { authorization },
  });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('application/json') ?? false;
  return { status: response.status, headers: response.headers, text, json: isJson ? JSON.parse(text) : null };
}

/**
 * Puts one job into `queueName` under Herald's prefix and has a real BullMQ worker fail it for good
 * with `reason`, as a channel worker does with a permanent error. Resolves with the job's id.
 */
export async function addFailedJob(queuePrefix: string, queueName: string, reason: string): Promise<string> {
  const connection = createRedisConnection(TEST_REDIS_URL, 'worker');
  const queue = createQueue(queueName, connection, queuePrefix, { attempts: 1 });
  const worker = new Worker(
    queueName,
    () => {
      throw new Error(reason);
    },
    { connection, prefix: queue.opts.prefix, autorun: false },
  );
  try {
    const job = await queue.add('deliver', { deliveryId: 'board-test' });
    const failed = new Promise<void>((resolve) => worker.on('failed', () => resolve()));
    void worker.run();
    await failed;
    return job.id!;
  } finally {
    await worker.close();
    await queue.close();
    await connection.quit();
  }
}
