import { runChannelWorker } from '@herald/worker-kit';
import { PushoverAdapter } from './pushover.adapter.js';

await runChannelWorker(new PushoverAdapter());
