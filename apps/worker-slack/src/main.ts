import { runChannelWorker } from '@herald/worker-kit';
import { SlackAdapter } from './slack.adapter.js';

await runChannelWorker(new SlackAdapter());
