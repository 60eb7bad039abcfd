import 'reflect-metadata';
import { type INestApplicationContext, Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { assertServicesReachable } from '@herald/data';
import type { ChannelAdapter } from './channel-adapter.js';
import { ChannelWorkerModule } from './channel-worker.module.js';
import { WorkerEnv } from './worker-env.js';

/** Boots a channel worker (no HTTP server): what tests and `runChannelWorker` share. */
export async function createChannelWorker(
  adapter: ChannelAdapter,
  env: WorkerEnv,
  logger: LogLevel[] = ['error', 'warn', 'log'],
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(ChannelWorkerModule.register(adapter, env), {
    logger,
  });
  await app.init();
  return app;
}

/** A worker app's whole main: read the env, boot, drain gracefully on SIGTERM/SIGINT. */
export async function runChannelWorker(adapter: ChannelAdapter): Promise<void> {
  const logger = new Logger(`worker-${adapter.channel}`);
  try {
    const env = WorkerEnv.from(process.env);
    // Before Nest boots: an absent Postgres or Redis gets one line saying how to start it, not a stack trace.
    await assertServicesReachable({ databaseUrl: env.DATABASE_URL, redisUrl: env.REDIS_URL });
    const app = await createChannelWorker(adapter, env);
    app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  } catch (error) {
    logger.error((error as Error).message);
    process.exitCode = 1;
  }
}
