import { runChannelWorker } from '@herald/worker-kit';
import { NtfyAdapter } from './ntfy.adapter.js';

await runChannelWorker(new NtfyAdapter());
