import { hashApiKey } from '../src/auth/api-key-credentials.js';
import { ADMIN_KEY, expectErrorEnvelope, startTestApp, type TestApp } from './support/test-app.js';

const WRITER_KEY = 'writer-key-0123456789';
const READER_KEY = 'reader-key-0123456789';

describe('API keys and scopes', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
    await api.data.apiKeys.ensure('ci-writer', hashApiKey(WRITER_KEY), ['events:write']);
    await api.data.apiKeys.ensure('dashboard', hashApiKey(READER_KEY), ['read']);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('installs HERALD_ADMIN_KEY as an admin key at start', async () => {
    expect(await api.data.apiKeys.findActiveByHash(hashApiKey(ADMIN_KEY))).toMatchObject({
      name: 'bootstrap-admin',
      scopes: ['admin'],
    });
  });

  it('answers 401 without a key, with an unknown key and with a malformed header', async () => {
    const event = { body: { type: 'job.failed' } };
    const anonymous = await api.request('POST', '/v1/events', { ...event, key: null });
    expectErrorEnvelope(anonymous, 401, 'unauthorized');
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expectErrorEnvelope(
      await api.request('POST', '/v1/events', { ...event, key: 'no-such-key' }),
      401,
      'unauthorized',
    );
    expectErrorEnvelope(
      await api.request('GET', '/v1/notifications', {
        key: null,
        headers: { authorization: `Basic ${ADMIN_KEY}` },
      }),
      401,
      'unauthorized',
    );
  });

  it('answers 403 when the key lacks the scope', async () => {
    expectErrorEnvelope(
      await api.request('POST', '/v1/events', { body: { type: 'job.failed' }, key: READER_KEY }),
      403,
      'forbidden',
    );
    expectErrorEnvelope(await api.request('GET', '/v1/notifications', { key: WRITER_KEY }), 403, 'forbidden');
    expectErrorEnvelope(
      await api.request('PUT', '/v1/users/u-1', { body: {}, key: READER_KEY }),
      403,
      'forbidden',
    );
    expectErrorEnvelope(
      await api.request('POST', '/v1/notifiers', {
        body: { name: 'hook', type: 'webhook', config: { url: 'https://example.com' } },
        key: WRITER_KEY,
      }),
      403,
      'forbidden',
    );
  });

  it('wrote no notification for any refused event', async () => {
    expect((await api.request('GET', '/v1/notifications')).body.items).toEqual([]);
  });

  it('lets each scope do its own work, and admin everything', async () => {
    const accepted = await api.request('POST', '/v1/events', {
      body: { type: 'job.failed' },
      key: WRITER_KEY,
    });
    expect(accepted.status).toBe(202);
    expect(
      (await api.request('GET', `/v1/notifications/${accepted.body.id}`, { key: READER_KEY })).status,
    ).toBe(200);
    expect((await api.request('GET', '/v1/notifiers', { key: READER_KEY })).status).toBe(200);
    expect((await api.request('PUT', '/v1/users/u-1', { body: {}, key: ADMIN_KEY })).status).toBe(200);
    expect((await api.request('GET', '/v1/notifications', { key: ADMIN_KEY })).status).toBe(200);
  });

  it('records which key sent the event', async () => {
    const accepted = await api.request('POST', '/v1/events', {
      body: { type: 'job.failed' },
      key: WRITER_KEY,
    });
    const writer = await api.data.apiKeys.findActiveByHash(hashApiKey(WRITER_KEY));
    expect((await api.data.notifications.findById(accepted.body.id))?.apiKeyId).toBe(writer?.id);
  });

  it('accepts X-App-Id + X-App-Secret when the id is the key name', async () => {
    const ok = await api.request('GET', '/v1/notifications', {
      key: null,
      headers: { 'x-app-id': 'dashboard', 'x-app-secret': READER_KEY },
    });
    expect(ok.status).toBe(200);

    const wrongName = await api.request('GET', '/v1/notifications', {
      key: null,
      headers: { 'x-app-id': 'ci-writer', 'x-app-secret': READER_KEY },
    });
    expectErrorEnvelope(wrongName, 401, 'unauthorized');
  });

  it('needs no key for health probes', async () => {
    expect((await api.request('GET', '/health/live', { key: null })).body).toEqual({ status: 'ok' });
  });
});
