import { Logger } from '@nestjs/common';
import { assertServicesReachable } from '@herald/data';
import { appLogger } from '@herald/observability';
import { RouterEnv } from './config/router-env.js';
import { createRouter } from './create-router.js';
import { RouterOps } from './metrics/router-ops.js';

try {
  // JSON lines (HERALD_LOG_FORMAT, HERALD_LOG_LEVEL) from the first line on, the env's own errors included.
  const logger = appLogger('router', process.env);
  Logger.overrideLogger(logger);
  const env = RouterEnv.from(process.env);
  // Before Nest boots: an absent Postgres or Redis gets one line saying how to start it, not a stack trace.
  await assertServicesReachable({ databaseUrl: env.DATABASE_URL, redisUrl: env.REDIS_URL });
  const app = await createRouter(env, logger);
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.get(RouterOps).listen(env.HERALD_METRICS_PORT);
} catch (error) {
  new Logger('router').error((error as Error).message);
  // Not exitCode: a start that failed half-way leaves Redis connections that would keep the process up.
  process.exit(1);
}
