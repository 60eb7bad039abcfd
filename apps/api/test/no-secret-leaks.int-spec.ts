import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import type { LoggerService } from '@nestjs/common';
import { HeraldData } from '@herald/data';
import { TEST_REDIS_URL } from '@herald/testing';
import { Redis } from 'ioredis';
import { type ApiResponse, type RequestOptions, startTestApp, type TestApp } from './support/test-app.js';

const distinct = (label: string) => `${label}-${randomBytes(12).toString('hex')}`;
const SECRETS = {
  smtpPassword: distinct('smtp-pw'),
  hmacKey: distinct('hmac'),
  bearerToken: distinct('bearer'),
  basicPassword: distinct('basic-pw'),
  rotatedHmacKey: distinct('hmac-2'),
  foreignPassword: distinct('foreign-pw'),
};

/** Everything the app logs, at every level, with every argument (stacks included). */
class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  private capture =
    (level: string) =>
    (...args: unknown[]) => {
      this.lines.push(
        `${level} ${args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' ')}`,
      );
    };
  log = this.capture('log');
  error = this.capture('error');
  warn = this.capture('warn');
  debug = this.capture('debug');
  verbose = this.capture('verbose');
  fatal = this.capture('fatal');
}

/** One key's whole content, whatever its Redis type: job hashes, lists, sets, sorted sets, streams. */
async function readKey(redis: Redis, key: string): Promise<unknown> {
  switch (await redis.type(key)) {
    case 'string':
      return redis.get(key);
    case 'hash':
      return redis.hgetall(key);
    case 'list':
      return redis.lrange(key, 0, -1);
    case 'set':
      return redis.smembers(key);
    case 'zset':
      return redis.zrange(key, '0', '-1');
    case 'stream':
      return redis.xrange(key, '-', '+');
    default:
      return null;
  }
}

/** Every key under the prefix with its content, one line each. */
async function dumpRedis(prefix: string): Promise<string[]> {
  const redis = new Redis(TEST_REDIS_URL);
  const values: string[] = [];
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      for (const key of keys) values.push(`${key} ${JSON.stringify(await readKey(redis, key))}`);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
  return values;
}

describe('no secret in any answer, log line or job', () => {
  const logger = new CapturingLogger();
  const bodies: string[] = [];
  const secretKey = randomBytes(32).toString('hex');
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp(
      () => ({
        HERALD_SECRET_KEY: secretKey,
        HERALD_SECRET_KEYS_PREVIOUS: randomBytes(32).toString('base64'),
      }),
      { logger },
    );
  });

  afterAll(async () => {
    await api?.close();
  });

  async function call(method: string, path: string, options?: RequestOptions): Promise<ApiResponse> {
    const response = await api.request(method, path, options);
    bodies.push(`${method} ${path} ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  }

  it('keeps every secret out of responses, logs, job payloads and the database column', async () => {
    const email = {
      name: 'leak_smtp',
      type: 'email',
      config: {
        host: 'smtp.example.com',
        port: 587,
        security: 'starttls',
        username: 'u',
        password: SECRETS.smtpPassword,
        from: 'h@example.com',
      },
    };
    const webhook = {
      name: 'leak_hook',
      type: 'webhook',
      config: {
        url: 'https://hooks.example.com/x',
        secret: SECRETS.hmacKey,
        bearerToken: SECRETS.bearerToken,
        username: 'bot',
        password: SECRETS.basicPassword,
      },
      messages: { test: { title: 'Test of {{ title }}' } },
    };
    expect((await call('POST', '/v1/notifiers', { body: email })).status).toBe(201);
    expect((await call('POST', '/v1/notifiers', { body: webhook })).status).toBe(201);
    expect((await call('GET', '/v1/notifiers')).status).toBe(200);
    expect((await call('GET', '/v1/notifiers/leak_hook')).status).toBe(200);
    const patched = await call('PATCH', '/v1/notifiers/leak_hook', {
      body: {
        config: { secret: SECRETS.rotatedHmacKey, bearerToken: '$encrypted$' },
        description: 'rotated',
      },
    });
    expect(patched.status).toBe(200);
    const tests = [
      await call('POST', '/v1/notifiers/leak_hook/test'),
      await call('POST', '/v1/notifiers/leak_smtp/test'),
    ];
    expect(tests.map((t) => t.status)).toEqual([202, 202]);

    // Failing requests that carry secrets: validation errors, a broken body, a fresh secret on a bad PATCH.
    expect(
      (
        await call('POST', '/v1/notifiers', {
          body: { ...email, name: 'leak_bad', config: { ...email.config, port: 'x' } },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call('PATCH', '/v1/notifiers/leak_smtp', {
          body: { config: { password: SECRETS.smtpPassword, colour: 1 } },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call('POST', '/v1/notifiers', {
          raw: `{"name": "leak_raw", "config": {"password": "${SECRETS.smtpPassword}"`,
        })
      ).status,
    ).toBe(400);
    // A server-side failure around a secret: a notifier sealed with a key this app does not have.
    const foreign = await HeraldData.connect({
      url: api.database.url,
      secretKeys: { current: randomBytes(32).toString('hex') },
    });
    try {
      await foreign.notifiers.create({
        name: 'leak_foreign',
        type: 'email',
        description: null,
        isDefault: false,
        fallback: null,
        config: { ...email.config, password: SECRETS.foreignPassword },
      });
    } finally {
      await foreign.close();
    }
    const broken = await call('GET', '/v1/notifiers/leak_foreign');
    expect(broken.status).toBe(500);

    // The captures saw real traffic, so their emptiness of secrets means something.
    const logs = logger.lines.join('\n');
    expect(logs).toContain('Mapped {/v1/notifiers/:name/test, POST} route');
    expect(logs).toContain('notifier "leak_foreign": config.password: encrypted with key');
    const jobs = (await dumpRedis(api.queuePrefix)).join('\n');
    for (const accepted of tests) expect(jobs).toContain(accepted.body.id);
    // The job hashes themselves were read, not only their key names.
    expect(jobs).toContain('"data":"{\\"notificationId\\"');
    const column = JSON.stringify(
      await api.data.transaction((tx) => tx.query('SELECT name, config FROM notifiers ORDER BY name')),
    );
    expect(column).toContain('leak_foreign');
    expect(bodies).toHaveLength(11);

    for (const secret of Object.values(SECRETS)) {
      expect({ secret, inResponses: bodies.join('\n').includes(secret) }).toEqual({
        secret,
        inResponses: false,
      });
      expect({ secret, inLogs: logs.includes(secret) }).toEqual({ secret, inLogs: false });
      expect({ secret, inJobs: jobs.includes(secret) }).toEqual({ secret, inJobs: false });
      expect({ secret, inDatabase: column.includes(secret) }).toEqual({ secret, inDatabase: false });
    }
    for (const key of [secretKey]) expect(logs).not.toContain(key);
  });
});
