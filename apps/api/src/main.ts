import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { assertServicesReachable } from '@herald/data';
import { appLogger } from '@herald/observability';
import { ApiEnv } from './config/api-env.js';
import { createApp } from './create-app.js';

async function main(): Promise<void> {
  // JSON lines (HERALD_LOG_FORMAT, HERALD_LOG_LEVEL) from the first line on, Nest's own included.
  const logger = appLogger('api', process.env);
  Logger.overrideLogger(logger);
  const env = ApiEnv.fromProcess();
  // Before Nest boots: an absent Postgres or Redis gets one line saying how to start it, not a stack trace.
  await assertServicesReachable(env);
  const app = await createApp(env, { logger });
  // SIGTERM/SIGINT close the app, which closes the pool, the queue and the Redis connection.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  // Bootstrap hooks (admin key, pause flags) run before either port takes a call; gRPC opens first,
  // so a taken gRPC port stops the start before HTTP reports the API ready.
  await app.init();
  await app.startAllMicroservices().catch((error: unknown) => {
    throw new Error(`gRPC cannot listen on ${env.host}:${env.grpcPort} (HERALD_GRPC_PORT): ${String(error)}`);
  });
  await app.listen(env.port, env.host);
  new Logger('Api').log(`Listening on http://${env.host}:${env.port}`);
  if (env.grpcPort !== null) new Logger('Api').log(`gRPC herald.v1.Herald on ${env.host}:${env.grpcPort}`);
}

main().catch((error: unknown) => {
  // The message says what to fix (a bad variable, an unreachable database); Nest has logged any stack.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
