import { randomBytes } from 'node:crypto';
import { ApiEnv, ApiEnvError } from './api-env.js';

describe('ApiEnv', () => {
  it('fills every default for a developer machine', () => {
    const env = ApiEnv.from({});
    expect(env).toMatchObject({
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/herald',
      redisUrl: 'redis://127.0.0.1:6379',
      port: 3000,
      host: '0.0.0.0',
      queuePrefix: 'herald',
      maxAttempts: 5,
      bodyLimit: '1mb',
      dbPoolSize: 10,
    });
    expect(env.adminKey).toBeUndefined();
  });

  it('reads the variables given, converting numbers', () => {
    const env = ApiEnv.from({
      PORT: '8080',
      HERALD_ADMIN_KEY: 'k-123',
      HERALD_MAX_ATTEMPTS: '3',
      HERALD_DB_POOL_SIZE: '4',
      HERALD_BODY_LIMIT: '512kb',
    });
    expect(env).toMatchObject({
      port: 8080,
      adminKey: 'k-123',
      maxAttempts: 3,
      dbPoolSize: 4,
      bodyLimit: '512kb',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(ApiEnv.from({ PORT: '', HERALD_ADMIN_KEY: '' })).toMatchObject({
      port: 3000,
      adminKey: undefined,
    });
  });

  it('names every bad variable in one error', () => {
    let thrown: unknown;
    try {
      ApiEnv.from({
        PORT: 'eighty',
        HERALD_MAX_ATTEMPTS: '0',
        HERALD_QUEUE_PREFIX: 'a:{b}',
        HERALD_BODY_LIMIT: 'lots',
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiEnvError);
    const problems = (thrown as ApiEnvError).problems;
    expect(problems).toHaveLength(4);
    expect(problems).toEqual(
      expect.arrayContaining([
        'PORT must be an integer (got "eighty")',
        expect.stringMatching(/^HERALD_MAX_ATTEMPTS must not be less than 1/),
        expect.stringMatching(/^HERALD_QUEUE_PREFIX must be 1-64 of/),
        expect.stringMatching(/^HERALD_BODY_LIMIT must be a size/),
      ]),
    );
  });

  it('never echoes a value that may hold a credential', () => {
    expect(() => ApiEnv.from({ DATABASE_URL: 'mysql://root:hunter2@db/herald' })).toThrow(
      /^Invalid API environment:\n {2}- DATABASE_URL must be a postgres:\/\/ URL$/,
    );
    expect(() => ApiEnv.from({ HERALD_ADMIN_KEY: 'two words' })).not.toThrow(/two words/);
    expect(() => ApiEnv.from({ HERALD_ADMIN_KEY: 'two words' })).toThrow(/HERALD_ADMIN_KEY/);
  });

  it('lets overrides win over the process environment', () => {
    expect(ApiEnv.fromProcess({ PORT: '4321', HERALD_QUEUE_PREFIX: 'override' })).toMatchObject({
      port: 4321,
      queuePrefix: 'override',
    });
  });

  it('reads the secret keys, leaving the current one unset outside production', () => {
    const [current, previous] = [randomBytes(32).toString('hex'), randomBytes(32).toString('base64')];
    expect(ApiEnv.from({})).toMatchObject({ secretKey: undefined, secretKeysPrevious: [] });
    expect(
      ApiEnv.from({ HERALD_SECRET_KEY: current, HERALD_SECRET_KEYS_PREVIOUS: `${previous}, ${current}` }),
    ).toMatchObject({ secretKey: current, secretKeysPrevious: [previous, current] });
  });

  it('refuses to start in production without a secret key', () => {
    expect(() => ApiEnv.from({ NODE_ENV: 'production' })).toThrow(
      /HERALD_SECRET_KEY must be set when NODE_ENV=production: .*openssl rand -hex 32/,
    );
    expect(ApiEnv.from({ NODE_ENV: 'production', HERALD_SECRET_KEY: 'a'.repeat(64) }).secretKey).toBe(
      'a'.repeat(64),
    );
  });

  it('never echoes a bad secret key', () => {
    const bad = randomBytes(31).toString('hex');
    let thrown: unknown;
    try {
      ApiEnv.from({ HERALD_SECRET_KEY: bad, HERALD_SECRET_KEYS_PREVIOUS: `x${bad}` });
    } catch (error) {
      thrown = error;
    }
    expect((thrown as ApiEnvError).problems).toEqual([
      expect.stringMatching(/^HERALD_SECRET_KEY must be 32 random bytes as 64 hex characters or base64/),
      expect.stringMatching(/^HERALD_SECRET_KEYS_PREVIOUS must each be 32 random bytes/),
    ]);
    expect((thrown as Error).message).not.toContain(bad);
  });
});
