import { runChannelWorker } from '@herald/worker-kit';
import { PagerDutyAdapter } from './pagerduty.adapter.js';

await runChannelWorker(new PagerDutyAdapter());
