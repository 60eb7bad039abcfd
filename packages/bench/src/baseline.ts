import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { deleteQueueKeys, mapWithConcurrency, TEST_REDIS_URL } from '@herald/testing';
import { BASELINE_JOB_OPTIONS, type BaselineMessage } from './baseline-protocol.js';
import { perSecond } from './stats.js';

export interface BaselineResult {
  jobs: number;
  concurrency: { producer: number; hop1: number; hop2: number };
  /** Jobs added per second by the producer (this process), one `add` per job as the API does. */
  producedPerSecond: number;
  /** Jobs through both hops per second: from the first add to the last second-hop completion. */
  twoHopPerSecond: number;
  elapsedMs: number;
}

const now = () => performance.timeOrigin + performance.now();

/**
 * Raw BullMQ, two hops, no-op jobs: producer → queue `first` → worker process (adds to `second`)
 * → worker process. The same topology, job options and concurrencies as Herald's api → router →
 * worker, with none of Herald's work: the ceiling Herald's delivered/s is compared to.
 */
export class BullmqBaseline {
  private readonly prefix = `herald-bench-${randomBytes(4).toString('hex')}`;
  private readonly children: ChildProcess[] = [];

  async run(
    jobs: number,
    concurrency: BaselineResult['concurrency'],
    timeoutMs: number,
  ): Promise<BaselineResult> {
    const hop1 = this.spawnHop(1, jobs, concurrency.hop1);
    const hop2 = this.spawnHop(2, jobs, concurrency.hop2);
    await Promise.all([hop1.ready, hop2.ready]);
    // Listening before the first add: a fast run could finish before the last add returns.
    const done = hop2.done();
    done.catch(() => undefined);

    const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue('first', { connection, prefix: this.prefix });
    try {
      const startedAt = now();
      await mapWithConcurrency(
        Array.from({ length: jobs }, (_, seq) => seq),
        concurrency.producer,
        (seq) => queue.add('route', { seq }, { ...BASELINE_JOB_OPTIONS, jobId: `n-${seq}` }),
      );
      const producedAt = now();
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`baseline: not done after ${timeoutMs} ms`)), timeoutMs).unref(),
      );
      const doneAt = await Promise.race([done, timeout]);
      return {
        jobs,
        concurrency,
        producedPerSecond: perSecond(jobs, producedAt - startedAt),
        twoHopPerSecond: perSecond(jobs, doneAt - startedAt),
        elapsedMs: Math.round(doneAt - startedAt),
      };
    } finally {
      await queue.close();
      await connection.quit();
    }
  }

  /** Stops the hop processes and deletes every key of the baseline's prefix. */
  async stop(): Promise<void> {
    await Promise.allSettled(
      this.children.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        child.send({ type: 'stop' } satisfies BaselineMessage);
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }),
    );
    await deleteQueueKeys(this.prefix);
  }

  private spawnHop(hop: 1 | 2, jobs: number, concurrency: number) {
    const entry = fileURLToPath(new URL('./baseline-worker.js', import.meta.url));
    const child = fork(entry, [], {
      env: {
        PATH: process.env.PATH ?? '',
        REDIS_URL: TEST_REDIS_URL,
        BASELINE_HOP: String(hop),
        BASELINE_JOBS: String(jobs),
        BASELINE_PREFIX: this.prefix,
        BASELINE_CONCURRENCY: String(concurrency),
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.children.push(child);
    const failed = new Promise<never>((_, reject) => {
      child.on('exit', (code) => reject(new Error(`baseline hop ${hop} exited (${code})`)));
      child.on('message', (message: BaselineMessage) => {
        if (message.type === 'error') reject(new Error(`baseline hop ${hop}: ${message.message}`));
      });
    });
    failed.catch(() => undefined);
    const waitFor = <Type extends BaselineMessage['type']>(type: Type) =>
      Promise.race([
        new Promise<Extract<BaselineMessage, { type: Type }>>((resolve) =>
          child.on('message', (message: BaselineMessage) => {
            if (message.type === type) resolve(message as Extract<BaselineMessage, { type: Type }>);
          }),
        ),
        failed,
      ]);
    return { ready: waitFor('ready'), done: () => waitFor('done').then((message) => message.at) };
  }
}
