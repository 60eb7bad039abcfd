import { runChannelWorker } from '@herald/worker-kit';
import { InAppAdapter } from './inapp.adapter.js';

await runChannelWorker(new InAppAdapter());
