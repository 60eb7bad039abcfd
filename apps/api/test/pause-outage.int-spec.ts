import type { Redis } from 'ioredis';
import { createQueue, createRedisConnection } from '@herald/queue';
import { eventually, TcpProxy, TEST_REDIS_URL } from '@herald/testing';
import { expectErrorEnvelope, startTestApp, type TestApp } from './support/test-app.js';

describe('the kill switch while Redis is away', () => {
  let api: TestApp;
  let proxy: TcpProxy;
  let proxyPort: number;
  let redis: Redis;

  beforeAll(async () => {
    const target = new URL(TEST_REDIS_URL);
    proxy = new TcpProxy(target.hostname, Number(target.port || 6379));
    proxyPort = await proxy.start();
    const proxied = new URL(TEST_REDIS_URL);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxyPort);
    api = await startTestApp(() => ({ REDIS_URL: proxied.toString() }));
    // The test's own view of Redis, past the proxy.
    redis = createRedisConnection(TEST_REDIS_URL, 'worker');
  });

  afterAll(async () => {
    redis?.disconnect();
    await proxy?.stop();
    await api?.close();
  });

  it('stores a pause it cannot apply, answers 503 at once, and applies it when Redis is back', async () => {
    await proxy.stop();
    const started = Date.now();
    const paused = await api.request('POST', '/v1/admin/pause');
    expectErrorEnvelope(paused, 503, 'service_unavailable');
    expect(paused.body.error.message).toMatch(/stored/);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await api.data.settings.readPauseFlags()).toEqual({ paused: true, channels: [] });
    expectErrorEnvelope(await api.request('GET', '/v1/admin/status'), 503, 'service_unavailable');

    await proxy.start(proxyPort);
    const queue = createQueue('deliver.webhook', redis, api.queuePrefix, { attempts: 5 });
    try {
      await eventually(async () => ((await queue.isPaused()) ? true : undefined), 15_000, 'the stored pause');
      const status = await api.request('GET', '/v1/admin/status');
      expect(status.status).toBe(200);
      expect(status.body).toMatchObject({ paused: true, channels: { webhook: { paused: true } } });
    } finally {
      await queue.close();
    }
  });
});
