import 'reflect-metadata';
import type { INestApplicationContext, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type RouterEnv } from './config/router-env.js';
import { RouteProcessor } from './routing/route.processor.js';
import { RouterModule } from './router.module.js';

/** The router as an application context: no HTTP server, just queue consumers. */
export async function createRouter(
  env: RouterEnv,
  logger: LoggerService | LogLevel[] = ['error', 'warn', 'log'],
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(RouterModule.register(env), {
    logger,
    abortOnError: false,
  });
  app.get(RouteProcessor).worker.concurrency = env.HERALD_ROUTE_CONCURRENCY;
  return app;
}
