import { runChannelWorker } from '@herald/worker-kit';
import { GotifyAdapter } from './gotify.adapter.js';

await runChannelWorker(new GotifyAdapter());
