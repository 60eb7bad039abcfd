import { startTestApp, type TestApp } from './support/test-app.js';

describe('/health', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('is live without a key', async () => {
    const live = await api.request('GET', '/health/live', { key: null });
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });
  });

  it('is ready when Postgres and Redis answer', async () => {
    const ready = await api.request('GET', '/health/ready', { key: null });
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up' } });
  });
});
