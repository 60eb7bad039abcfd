import { runChannelWorker } from '@herald/worker-kit';
import { EmailAdapter } from './email.adapter.js';

await runChannelWorker(new EmailAdapter());
