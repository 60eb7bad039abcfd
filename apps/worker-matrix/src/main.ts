import { runChannelWorker } from '@herald/worker-kit';
import { MatrixAdapter } from './matrix.adapter.js';

await runChannelWorker(new MatrixAdapter());
