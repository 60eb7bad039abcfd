import { runChannelWorker } from '@herald/worker-kit';
import { IrcAdapter } from './irc.adapter.js';

await runChannelWorker(new IrcAdapter());
