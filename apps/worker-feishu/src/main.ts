import { runChannelWorker } from '@herald/worker-kit';
import { FeishuAdapter } from './feishu.adapter.js';

await runChannelWorker(new FeishuAdapter());
