import type { AddressInfo } from 'node:net';
import type { LoggerService } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { HeraldData, migrateDatabase } from '@herald/data';
import {
  assertRedisReachable,
  createTestDatabase,
  deleteQueueKeys,
  freshQueuePrefix,
  TEST_REDIS_URL,
  type TestDatabase,
} from '@herald/testing';
import { ApiEnv, type ApiEnvVariables } from '../../src/config/api-env.js';
import { createApp } from '../../src/create-app.js';

export const ADMIN_KEY = 'test-admin-key-0123456789';

export interface ApiResponse {
  status: number;
  headers: Headers;
  // Tests read response bodies loosely; each assertion states the shape it expects.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface RequestOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, with Content-Type: application/json. */
  raw?: string;
  /** API key sent as a bearer token; null sends none. Defaults to the bootstrap admin key. */
  key?: string | null;
  headers?: Record<string, string>;
}

export interface TestApp {
  app: NestExpressApplication;
  baseUrl: string;
  data: HeraldData;
  database: TestDatabase;
  queuePrefix: string;
  request(method: string, path: string, options?: RequestOptions): Promise<ApiResponse>;
  close(): Promise<void>;
}

/**
 * Boots the real API on a random port over a fresh database and a fresh queue prefix.
 * `env` may point the app elsewhere (through a TCP proxy, say) once the database exists.
 */
export async function startTestApp(
  env: (database: TestDatabase) => ApiEnvVariables = () => ({}),
  options: { logger?: LoggerService } = {},
): Promise<TestApp> {
  await assertRedisReachable();
  const database = await createTestDatabase(migrateDatabase);
  const queuePrefix = freshQueuePrefix();
  const app = await createApp(
    ApiEnv.from({
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      PORT: '0',
      HOST: '127.0.0.1',
      HERALD_ADMIN_KEY: ADMIN_KEY,
      HERALD_QUEUE_PREFIX: queuePrefix,
      ...env(database),
    }),
    // Expected outages log warnings; errors (a 500 among them) still show. A test may capture it all.
    { logger: options.logger ?? ['error'] },
  );
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  return {
    app,
    baseUrl,
    data: app.get(HeraldData),
    database,
    queuePrefix,
    request: (method, path, options = {}) => request(baseUrl, method, path, options),
    close: async () => {
      await app.close();
      await database.drop();
      await deleteQueueKeys(queuePrefix);
    },
  };
}

async function request(
  baseUrl: string,
  method: string,
  path: string,
  { body, raw, key = ADMIN_KEY, headers = {} }: RequestOptions,
): Promise<ApiResponse> {
  const payload = raw ?? (body === undefined ? undefined : JSON.stringify(body));
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(key === null ? {} : { authorization: `Bearer ${key}` }),
      ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: payload,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** The shape every error answer must have. */
export function expectErrorEnvelope(response: ApiResponse, status: number, code: string): void {
  expect({ status: response.status, code: response.body?.error?.code }).toEqual({ status, code });
  expect(typeof response.body.error.message).toBe('string');
  expect(Object.keys(response.body)).toEqual(['error']);
}
