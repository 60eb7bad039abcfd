import { runChannelWorker } from '@herald/worker-kit';
import { MqttAdapter } from './mqtt.adapter.js';

await runChannelWorker(new MqttAdapter());
