import { runChannelWorker } from '@herald/worker-kit';
import { DiscordAdapter } from './discord.adapter.js';

await runChannelWorker(new DiscordAdapter());
