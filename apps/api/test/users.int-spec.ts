import { expectErrorEnvelope, startTestApp, type TestApp } from './support/test-app.js';

describe('DELETE /v1/users/:id', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('deletes a profile, then answers 404 for it', async () => {
    expect((await api.request('PUT', '/v1/users/u-1', { body: { email: 'ada@example.com' } })).status).toBe(
      200,
    );
    const deleted = await api.request('DELETE', '/v1/users/u-1');
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expectErrorEnvelope(await api.request('GET', '/v1/users/u-1'), 404, 'not_found');
    expectErrorEnvelope(await api.request('DELETE', '/v1/users/u-1'), 404, 'not_found');
  });
});
