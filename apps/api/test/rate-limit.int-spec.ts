import { sleep, TcpProxy, TEST_REDIS_URL } from '@herald/testing';
import { Redis } from 'ioredis';
import { type ApiResponse, expectErrorEnvelope, startTestApp, type TestApp } from './support/test-app.js';

const EVENT = { body: { type: 'job.failed' } };

/** The limit counts per calendar minute: start a burst early enough that it cannot straddle two. */
async function freshWindow(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 5_000) await sleep(left + 50);
}

async function newKey(api: TestApp, body: object): Promise<{ id: string; key: string }> {
  const response = await api.request('POST', '/v1/admin/api-keys', { body });
  expect(response.status).toBe(201);
  return response.body;
}

function limitHeaders(response: ApiResponse): Record<string, string | null> {
  return {
    limit: response.headers.get('ratelimit-limit'),
    remaining: response.headers.get('ratelimit-remaining'),
    retryAfter: response.headers.get('retry-after'),
  };
}

describe('Ingest rate limit per API key', () => {
  let api: TestApp;
  let redis: Redis;

  beforeAll(async () => {
    api = await startTestApp(() => ({ HERALD_INGEST_RATE_LIMIT_PER_MINUTE: '2' }));
    redis = new Redis(TEST_REDIS_URL);
  });

  afterAll(async () => {
    await redis?.quit();
    await api?.close();
  });

  it("answers 429 past a key's own limit, with Retry-After, and leaves other keys alone", async () => {
    const limited = await newKey(api, { name: 'limited', scopes: ['events:write'], rateLimitPerMinute: 3 });
    const other = await newKey(api, { name: 'other', scopes: ['events:write'], rateLimitPerMinute: 3 });
    await freshWindow();

    for (const remaining of ['2', '1', '0']) {
      const accepted = await api.request('POST', '/v1/events', { ...EVENT, key: limited.key });
      expect(accepted.status).toBe(202);
      expect(limitHeaders(accepted)).toEqual({ limit: '3', remaining, retryAfter: null });
    }
    const refused = await api.request('POST', '/v1/events', { ...EVENT, key: limited.key });
    expectErrorEnvelope(refused, 429, 'rate_limited');
    expect(limitHeaders(refused)).toMatchObject({ limit: '3', remaining: '0' });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-reset')).toBe(String(retryAfter));

    const stillOpen = await api.request('POST', '/v1/events', { ...EVENT, key: other.key });
    expect(stillOpen.status).toBe(202);
    expect(limitHeaders(stillOpen)).toEqual({ limit: '3', remaining: '2', retryAfter: null });

    // The refused request stored nothing: three notifications from the limited key.
    const rows: { count: string }[] = await api.data.transaction((tx) =>
      tx.query('SELECT count(*) FROM notifications WHERE api_key_id = $1', [limited.id]),
    );
    expect(Number(rows[0]!.count)).toBe(3);
  });

  it('counts in Redis under <prefix>:ratelimit:<key id>:<window>, expiring with the window', async () => {
    const counted = await newKey(api, { name: 'counted', scopes: ['events:write'], rateLimitPerMinute: 10 });
    await freshWindow();
    expect((await api.request('POST', '/v1/events', { ...EVENT, key: counted.key })).status).toBe(202);
    const window = Math.floor(Date.now() / 60_000);
    const key = `${api.queuePrefix}:ratelimit:${counted.id}:${window}`;
    expect(await redis.get(key)).toBe('1');
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(65_000);
  });

  it('applies HERALD_INGEST_RATE_LIMIT_PER_MINUTE to keys without a limit of their own', async () => {
    const plain = await newKey(api, { name: 'plain', scopes: ['events:write'] });
    await freshWindow();
    const answers = [];
    for (let i = 0; i < 3; i++)
      answers.push(await api.request('POST', '/v1/events', { ...EVENT, key: plain.key }));
    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 429]);
    expect(answers.map((answer) => answer.headers.get('ratelimit-limit'))).toEqual(['2', '2', '2']);
  });

  it('does not limit a key whose own limit is 0', async () => {
    const unlimited = await newKey(api, { name: 'bulk', scopes: ['events:write'], rateLimitPerMinute: 0 });
    await freshWindow();
    for (let i = 0; i < 4; i++) {
      const accepted = await api.request('POST', '/v1/events', { ...EVENT, key: unlimited.key });
      expect(accepted.status).toBe(202);
      expect(accepted.headers.get('ratelimit-limit')).toBeNull();
    }
  });

  it('counts every answer of a limited route, a refused body too, and no other route', async () => {
    const sender = await newKey(api, {
      name: 'sloppy',
      scopes: ['events:write', 'read'],
      rateLimitPerMinute: 2,
    });
    await freshWindow();
    const invalid = await api.request('POST', '/v1/events', { body: { colour: 'red' }, key: sender.key });
    expectErrorEnvelope(invalid, 400, 'validation_failed');
    expect(limitHeaders(invalid)).toEqual({ limit: '2', remaining: '1', retryAfter: null });

    for (let i = 0; i < 3; i++) {
      const read = await api.request('GET', '/v1/notifications', { key: sender.key });
      expect(read.status).toBe(200);
      expect(read.headers.get('ratelimit-limit')).toBeNull();
    }
    expect((await api.request('POST', '/v1/events', { ...EVENT, key: sender.key })).status).toBe(202);
    expectErrorEnvelope(
      await api.request('POST', '/v1/events', { ...EVENT, key: sender.key }),
      429,
      'rate_limited',
    );
  });

  it('limits notifier tests, which store notifications too', async () => {
    const admin = await newKey(api, { name: 'tester', scopes: ['admin'], rateLimitPerMinute: 1 });
    const created = await api.request('POST', '/v1/notifiers', {
      body: { name: 'hook', type: 'webhook', config: { url: 'http://127.0.0.1:9/hook' } },
      key: admin.key,
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('ratelimit-limit')).toBeNull();
    await freshWindow();
    const first = await api.request('POST', '/v1/notifiers/hook/test', { key: admin.key });
    expect(first.status).toBe(202);
    expect(limitHeaders(first)).toEqual({ limit: '1', remaining: '0', retryAfter: null });
    expectErrorEnvelope(
      await api.request('POST', '/v1/notifiers/hook/test', { key: admin.key }),
      429,
      'rate_limited',
    );
    // The same key's events share that one count.
    expectErrorEnvelope(
      await api.request('POST', '/v1/events', { ...EVENT, key: admin.key }),
      429,
      'rate_limited',
    );
  });
});

describe('Ingest rate limit with Redis stopped', () => {
  let api: TestApp;
  let proxy: TcpProxy;

  beforeAll(async () => {
    proxy = TcpProxy.inFrontOf(TEST_REDIS_URL, 6379);
    const port = await proxy.start();
    const redisUrl = new URL(TEST_REDIS_URL);
    redisUrl.hostname = '127.0.0.1';
    redisUrl.port = String(port);
    api = await startTestApp(() => ({
      REDIS_URL: redisUrl.toString(),
      HERALD_INGEST_RATE_LIMIT_PER_MINUTE: '1',
    }));
  });

  afterAll(async () => {
    await proxy?.stop();
    await api?.close();
  });

  it('lets events through rather than refusing them for want of a count', async () => {
    await freshWindow();
    expect((await api.request('POST', '/v1/events', EVENT)).status).toBe(202);
    expectErrorEnvelope(await api.request('POST', '/v1/events', EVENT), 429, 'rate_limited');

    await proxy.stop();
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const accepted = await api.request('POST', '/v1/events', EVENT);
      expect(accepted.status).toBe(202);
      expect(Date.now() - started).toBeLessThan(2500);
      expect(accepted.headers.get('ratelimit-limit')).toBe('1');
      expect(accepted.headers.get('ratelimit-remaining')).toBeNull();
    }
  });
});
