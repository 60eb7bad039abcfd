import { Logger } from '@nestjs/common';
import { RouterEnv } from './config/router-env.js';
import { createRouter } from './create-router.js';

try {
  const app = await createRouter(RouterEnv.from(process.env));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
} catch (error) {
  new Logger('router').error((error as Error).message);
  process.exitCode = 1;
}
