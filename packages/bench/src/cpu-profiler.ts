import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';

/**
 * Preloaded into each app when profiling (`--import`; node 20 refuses --cpu-prof in NODE_OPTIONS,
 * and the apps die by their own re-raised SIGTERM, which --cpu-prof does not survive). While the
 * file `profiling` exists in BENCH_CPU_PROFILE_DIR, V8's sampling profiler runs; once it is removed,
 * `<pid>.cpuprofile` is written there. A file, not a signal: Nest's shutdown hooks close the app
 * on SIGUSR2 and the other spare signals.
 */
const directory = process.env.BENCH_CPU_PROFILE_DIR ?? '.';
const flag = path.join(directory, 'profiling');
const session = new Session();
session.connect();
let state: 'idle' | 'running' | 'done' = 'idle';
let busy = false;

setInterval(() => {
  if (busy || state === 'done') return;
  const wanted = existsSync(flag);
  if (state === 'idle' && wanted) toggle(start, 'running');
  else if (state === 'running' && !wanted) toggle(stop, 'done');
}, 100).unref();

function toggle(action: () => Promise<void>, next: typeof state): void {
  busy = true;
  action()
    .then(() => (state = next))
    .catch((error: Error) => console.error(`cpu profiler: ${error.message}`))
    .finally(() => (busy = false));
}

async function start(): Promise<void> {
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
}

async function stop(): Promise<void> {
  const { profile } = await session.post('Profiler.stop');
  const file = path.join(directory, `${process.pid}.cpuprofile`);
  writeFileSync(`${file}.tmp`, JSON.stringify(profile));
  // Renamed once complete: the benchmark waits for the final name.
  renameSync(`${file}.tmp`, file);
}
