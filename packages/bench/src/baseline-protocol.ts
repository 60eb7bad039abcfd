/** Between the benchmark and its baseline hop processes, over the fork IPC channel. */
export type BaselineMessage =
  { type: 'ready' } | { type: 'done'; at: number } | { type: 'error'; message: string } | { type: 'stop' };

/** Herald's own job options (packages/queue defaultJobOptions), so both hops cost what Herald's do. */
export const BASELINE_JOB_OPTIONS = {
  attempts: 5,
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};

/** Herald's defaults: HERALD_ROUTE_CONCURRENCY for the first hop, HERALD_CONCURRENCY for the second. */
export const BASELINE_CONCURRENCY = { hop1: 10, hop2: 20 } as const;
