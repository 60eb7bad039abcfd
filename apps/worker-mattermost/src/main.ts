import { runChannelWorker } from '@herald/worker-kit';
import { MattermostAdapter } from './mattermost.adapter.js';

await runChannelWorker(new MattermostAdapter());
