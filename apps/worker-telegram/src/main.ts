import { runChannelWorker } from '@herald/worker-kit';
import { TelegramAdapter } from './telegram.adapter.js';

await runChannelWorker(new TelegramAdapter());
