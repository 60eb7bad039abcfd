import { createHeraldClient, type HeraldClient, HeraldRestClient } from '@herald/client';
import type { CliEnv } from './cli-env.js';

export interface ApiClients {
  /** Typed calls, retried on 503 / no answer (with one idempotency key for `trigger`). */
  herald: HeraldClient;
  /** Everything else in /v1, one try each. */
  rest: HeraldRestClient;
}

export function connectApi(env: CliEnv): ApiClients {
  const apiKey = env.requireApiKey();
  return {
    herald: createHeraldClient({ url: env.HERALD_URL }, { apiKey }),
    rest: new HeraldRestClient({ url: env.HERALD_URL, apiKey }),
  };
}
