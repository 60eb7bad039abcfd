import { runChannelWorker } from '@herald/worker-kit';
import { TwilioAdapter } from './twilio.adapter.js';

await runChannelWorker(new TwilioAdapter());
