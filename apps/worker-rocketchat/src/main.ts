import { runChannelWorker } from '@herald/worker-kit';
import { RocketChatAdapter } from './rocketchat.adapter.js';

await runChannelWorker(new RocketChatAdapter());
