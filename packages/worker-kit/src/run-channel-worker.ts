import 'reflect-metadata';
import { type INestApplicationContext, Logger, type LoggerService, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { assertServicesReachable } from '@herald/data';
import { appLogger } from '@herald/observability';
import type { ChannelAdapter } from './channel-adapter.js';
import { ChannelWorkerModule } from './channel-worker.module.js';
import { ChannelWorkerService } from './channel-worker.service.js';
import { WorkerEnv } from './worker-env.js';

/** Boots a channel worker (no HTTP server): what tests and `runChannelWorker` share. */
export async function createChannelWorker(
  adapter: ChannelAdapter,
  env: WorkerEnv,
  logger: LoggerService | LogLevel[] = ['error', 'warn', 'log'],
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
    // JSON lines (HERALD_LOG_FORMAT, HERALD_LOG_LEVEL) from the first line on, the env's own errors included.
    const jsonLogger = appLogger(`worker-${adapter.channel}`, process.env);
    Logger.overrideLogger(jsonLogger);
    const env = WorkerEnv.from(process.env);
    // Before Nest boots: an absent Postgres or Redis gets one line saying how to start it, not a stack trace.
    await assertServicesReachable({ databaseUrl: env.DATABASE_URL, redisUrl: env.REDIS_URL });
    const app = await createChannelWorker(adapter, env, jsonLogger);
    app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
    await app.get(ChannelWorkerService).serveOps(env.HERALD_METRICS_PORT);
  } catch (error) {
    logger.error((error as Error).message);
    process.exitCode = 1;
  }
}
