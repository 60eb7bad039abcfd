import { expectErrorEnvelope, startTestApp, type TestApp } from './support/test-app.js';

describe('/v1/event-types dedupe window', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('stores the window, shows it, and clears it when a PUT leaves it out', async () => {
    const put = await api.request('PUT', '/v1/event-types/disk.full', { body: { dedupeWindowSeconds: 600 } });
    expect(put.status).toBe(200);
    expect(put.body.dedupeWindowSeconds).toBe(600);
    expect((await api.request('GET', '/v1/event-types/disk.full')).body.dedupeWindowSeconds).toBe(600);

    const replaced = await api.request('PUT', '/v1/event-types/disk.full', { body: { critical: true } });
    expect(replaced.body).toMatchObject({ critical: true, dedupeWindowSeconds: null });
    const cleared = await api.request('PUT', '/v1/event-types/disk.full', {
      body: { dedupeWindowSeconds: null },
    });
    expect(cleared.body.dedupeWindowSeconds).toBeNull();
  });

  it.each([0, 1.5, 7 * 24 * 3600 + 1, '60'])('refuses a window of %j', async (window) => {
    const response = await api.request('PUT', '/v1/event-types/disk.full', {
      body: { dedupeWindowSeconds: window },
    });
    expectErrorEnvelope(response, 400, 'validation_failed');
    expect(response.body.error.details[0].field).toBe('dedupeWindowSeconds');
  });
});
