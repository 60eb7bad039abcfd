import { Logger } from '@nestjs/common';
import { assertServicesReachable } from '@herald/data';
import { RouterEnv } from './config/router-env.js';
import { createRouter } from './create-router.js';

try {
  const env = RouterEnv.from(process.env);
  // Before Nest boots: an absent Postgres or Redis gets one line saying how to start it, not a stack trace.
  await assertServicesReachable({ databaseUrl: env.DATABASE_URL, redisUrl: env.REDIS_URL });
  const app = await createRouter(env);
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
} catch (error) {
  new Logger('router').error((error as Error).message);
  // Not exitCode: a start that failed half-way leaves Redis connections that would keep the process up.
  process.exit(1);
}
