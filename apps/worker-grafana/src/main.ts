import { runChannelWorker } from '@herald/worker-kit';
import { GrafanaAdapter } from './grafana.adapter.js';

await runChannelWorker(new GrafanaAdapter());
