import { performance } from 'node:perf_hooks';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { BASELINE_JOB_OPTIONS, type BaselineMessage } from './baseline-protocol.js';

/**
 * One hop of the raw BullMQ baseline, in its own process as Herald's router and worker are:
 * hop 1 consumes the first queue and adds each job to the second (as the router fans out),
 * hop 2 consumes the second and does nothing. Hop 2 tells the parent when `BASELINE_JOBS` are done.
 */
const hop = Number(process.env.BASELINE_HOP);
const jobs = Number(process.env.BASELINE_JOBS);
const prefix = process.env.BASELINE_PREFIX!;
const redisUrl = process.env.REDIS_URL!;
const send = (message: BaselineMessage) => process.send!(message);

const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
const next = hop === 1 ? new Queue('second', { connection, prefix }) : undefined;
const worker = new Worker(
  hop === 1 ? 'first' : 'second',
  async (job) => {
    if (next) await next.add('hop', job.data, { ...BASELINE_JOB_OPTIONS, jobId: `d-${job.data.seq}` });
  },
  {
    connection: new Redis(redisUrl, { maxRetriesPerRequest: null }),
    prefix,
    concurrency: Number(process.env.BASELINE_CONCURRENCY),
  },
);

let completed = 0;
worker.on('completed', () => {
  completed += 1;
  if (hop === 2 && completed === jobs) send({ type: 'done', at: performance.timeOrigin + performance.now() });
});
worker.on('error', (error) => send({ type: 'error', message: error.message }));

process.on('message', (message: BaselineMessage) => {
  if (message.type !== 'stop') return;
  void Promise.all([worker.close(), next?.close()])
    .then(() => connection.quit())
    .finally(() => process.exit(0));
});

await worker.waitUntilReady();
send({ type: 'ready' });
