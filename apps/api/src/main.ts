import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ApiEnv } from './config/api-env.js';
import { createApp } from './create-app.js';

async function main(): Promise<void> {
  const env = ApiEnv.fromProcess();
  const app = await createApp(env);
  // SIGTERM/SIGINT close the app, which closes the pool, the queue and the Redis connection.
  app.enableShutdownHooks();
  await app.listen(env.port, env.host);
  new Logger('Api').log(`Listening on http://${env.host}:${env.port}`);
}

main().catch((error: unknown) => {
  // The message says what to fix (a bad variable, an unreachable database); Nest has logged any stack.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
