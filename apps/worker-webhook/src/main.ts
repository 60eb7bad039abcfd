import { runChannelWorker } from '@herald/worker-kit';
import { WebhookAdapter } from './webhook.adapter.js';

await runChannelWorker(new WebhookAdapter());
