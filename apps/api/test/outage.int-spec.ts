import { TcpProxy, TEST_REDIS_URL } from '@herald/testing';
import { expectErrorEnvelope, startTestApp, type TestApp } from './support/test-app.js';

function behind(proxyPort: number, url: string): string {
  const proxied = new URL(url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxyPort);
  return proxied.toString();
}

describe('Postgres stopped', () => {
  let api: TestApp;
  let proxy: TcpProxy;
  let proxyPort: number;

  beforeAll(async () => {
    proxy = new TcpProxy('127.0.0.1', 5432);
    proxyPort = await proxy.start();
    api = await startTestApp((database) => ({ DATABASE_URL: behind(proxyPort, database.url) }));
  });

  afterAll(async () => {
    await proxy?.stop();
    await api?.close();
  });

  it('accepts while Postgres runs', async () => {
    expect((await api.request('POST', '/v1/events', { body: { type: 'before.outage' } })).status).toBe(202);
  });

  it('answers 503, never 202 or 500, while it is down', async () => {
    await proxy.stop();
    const response = await api.request('POST', '/v1/events', { body: { type: 'during.outage' } });
    expectErrorEnvelope(response, 503, 'service_unavailable');

    const ready = await api.request('GET', '/health/ready', { key: null });
    expect(ready.status).toBe(503);
    expect(ready.body.checks).toEqual({ postgres: 'down', redis: 'up' });
  });

  it('recovers without a restart once Postgres is back', async () => {
    await proxy.start(proxyPort);
    expect((await api.request('POST', '/v1/events', { body: { type: 'after.outage' } })).status).toBe(202);

    const types = (await api.request('GET', '/v1/notifications')).body.items.map(
      (n: { type: string }) => n.type,
    );
    expect(types).toEqual(['after.outage', 'before.outage']);
  });
});

describe('Redis stopped', () => {
  let api: TestApp;
  let proxy: TcpProxy;

  beforeAll(async () => {
    const redis = new URL(TEST_REDIS_URL);
    proxy = new TcpProxy(redis.hostname, Number(redis.port || 6379));
    const proxyPort = await proxy.start();
    api = await startTestApp(() => ({ REDIS_URL: behind(proxyPort, TEST_REDIS_URL) }));
  });

  afterAll(async () => {
    await proxy?.stop();
    await api?.close();
  });

  it('still answers 202 and leaves the row to the outbox relay', async () => {
    await proxy.stop();
    const started = Date.now();
    const response = await api.request('POST', '/v1/events', { body: { type: 'redis.outage' } });
    expect(response.status).toBe(202);
    // The caller does not wait out Redis timeouts.
    expect(Date.now() - started).toBeLessThan(2500);

    const stored = await api.data.notifications.findById(response.body.id);
    expect(stored?.status).toBe('accepted');
    expect(stored?.enqueuedAt).toBeNull();

    const ready = await api.request('GET', '/health/ready', { key: null });
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: 'unavailable', checks: { postgres: 'up', redis: 'down' } });
  });
});
