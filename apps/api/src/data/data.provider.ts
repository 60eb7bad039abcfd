import { Logger, type Provider } from '@nestjs/common';
import { HeraldData } from '@herald/data';
import { ApiEnv } from '../config/api-env.js';

// A request waiting on a dead Postgres should become a 503 quickly, not hang the caller.
const CONNECT_TIMEOUT_MS = 3000;

/** Creates and migrates the database on start, then opens the pool every repository shares. */
export const dataProvider: Provider = {
  provide: HeraldData,
  inject: [ApiEnv],
  useFactory: (env: ApiEnv): Promise<HeraldData> =>
    HeraldData.start(
      {
        url: env.databaseUrl,
        poolSize: env.dbPoolSize,
        connectTimeoutMs: CONNECT_TIMEOUT_MS,
        secretKeys: { current: env.secretKey, previous: env.secretKeysPrevious },
      },
      new Logger('Data'),
    ),
};
