import { type LoggerService, type LogLevel, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import type { ApiEnv } from './config/api-env.js';
import { ApiExceptionFilter } from './errors/api-exception.filter.js';
import { validationExceptionFactory } from './errors/validation-details.js';
import { grpcServerOptions } from './grpc/grpc-server.options.js';
import { useHookBodyParser } from './hooks/hook-body-parser.js';
import { setupOpenApi } from './openapi/setup-openapi.js';
import { setupQueueBoard } from './queue-board/setup-queue-board.js';

export interface CreateAppOptions {
  logger?: LoggerService | LogLevel[] | false;
}

/** Builds the configured API without listening: main.ts listens, tests listen on port 0. */
export async function createApp(
  env: ApiEnv,
  options: CreateAppOptions = {},
): Promise<NestExpressApplication> {
  // Nest's default parsers would apply their own 100 kb limit before ours could.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env), {
    bodyParser: false,
    // Startup failures (Postgres unreachable, say) reach the caller instead of exiting the process.
    abortOnError: false,
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
  });
  useHookBodyParser(app, env.bodyLimit);
  app.useBodyParser('json', { limit: env.bodyLimit });
  app.useSecurityHeaders();
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  app.useGlobalFilters(new ApiExceptionFilter());
  // Hybrid app: gRPC shares the modules and services; app.startAllMicroservices() opens its port.
  if (env.grpcPort !== null) app.connectMicroservice(grpcServerOptions(env, env.grpcPort));
  setupOpenApi(app);
  setupQueueBoard(app);
  return app;
}
