import { runChannelWorker } from '@herald/worker-kit';
import { MsTeamsAdapter } from './msteams.adapter.js';

await runChannelWorker(new MsTeamsAdapter());
