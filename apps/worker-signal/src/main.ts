import { runChannelWorker } from '@herald/worker-kit';
import { SignalAdapter } from './signal.adapter.js';

await runChannelWorker(new SignalAdapter());
