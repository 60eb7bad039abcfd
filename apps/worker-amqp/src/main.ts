import { runChannelWorker } from '@herald/worker-kit';
import { AmqpAdapter } from './amqp.adapter.js';

await runChannelWorker(new AmqpAdapter());
