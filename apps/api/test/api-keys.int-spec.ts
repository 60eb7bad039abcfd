import { sleep } from '@herald/testing';
import { hashApiKey } from '../src/auth/api-key-credentials.js';
import { type ApiResponse, expectErrorEnvelope, startTestApp, type TestApp } from './support/test-app.js';

const EVENT = { body: { type: 'job.failed' } };

describe('API keys', () => {
  let api: TestApp;

  const create = (body: object, key?: string): Promise<ApiResponse> =>
    api.request('POST', '/v1/admin/api-keys', { body, ...(key ? { key } : {}) });

  /** A new key's secret, created by the bootstrap admin key. */
  async function newKey(body: object): Promise<{ id: string; key: string }> {
    const response = await create(body);
    expect(response.status).toBe(201);
    return response.body;
  }

  const listNames = async (query = ''): Promise<string[]> =>
    (await api.request('GET', `/v1/admin/api-keys${query}`)).body.items.map((k: { name: string }) => k.name);

  beforeAll(async () => {
    api = await startTestApp();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('creates a key and shows its secret in that answer only', async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const created = await create({
      name: 'ci',
      scopes: ['events:write', 'read'],
      expiresAt,
      rateLimitPerMinute: 50,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'ci',
      scopes: ['events:write', 'read'],
      expiresAt,
      rateLimitPerMinute: 50,
      createdAt: expect.any(String),
      revokedAt: null,
      key: expect.stringMatching(/^hk_[A-Za-z0-9_-]{43}$/),
    });
    expect(Date.parse(created.body.createdAt)).toBeGreaterThan(Date.now() - 60_000);

    const { key, ...view } = created.body;
    const fetched = await api.request('GET', `/v1/admin/api-keys/${created.body.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(view);
    const listed = await api.request('GET', '/v1/admin/api-keys');
    expect(listed.body.items.find((k: { id: string }) => k.id === view.id)).toEqual(view);
    expect(JSON.stringify([fetched.body, listed.body])).not.toContain(key);
  });

  it('stores the SHA-256 of the key, as for HERALD_ADMIN_KEY, never the key', async () => {
    const { id, key } = await newKey({ name: 'hashed', scopes: ['read'] });
    const rows: Record<string, unknown>[] = await api.data.transaction((tx) =>
      tx.query('SELECT * FROM api_keys WHERE id = $1', [id]),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.key_hash).toBe(hashApiKey(key));
    expect(JSON.stringify(rows)).not.toContain(key.slice(3));
    expect(await api.data.apiKeys.findActiveByHash(hashApiKey(key))).toMatchObject({ id, name: 'hashed' });
  });

  it('lets a new key work by bearer token and by X-App-Id + X-App-Secret', async () => {
    const { id, key } = await newKey({ name: 'sender', scopes: ['events:write'] });
    const bearer = await api.request('POST', '/v1/events', { ...EVENT, key });
    expect(bearer.status).toBe(202);
    const pair = await api.request('POST', '/v1/events', {
      ...EVENT,
      key: null,
      headers: { 'x-app-id': 'sender', 'x-app-secret': key },
    });
    expect(pair.status).toBe(202);
    const wrongId = await api.request('POST', '/v1/events', {
      ...EVENT,
      key: null,
      headers: { 'x-app-id': 'someone-else', 'x-app-secret': key },
    });
    expectErrorEnvelope(wrongId, 401, 'unauthorized');

    // The notification remembers which key sent it.
    for (const response of [bearer, pair]) {
      expect((await api.data.notifications.findById(response.body.id))?.apiKeyId).toBe(id);
    }
  });

  it('enforces the scopes of new keys', async () => {
    const reader = (await newKey({ name: 'reader', scopes: ['read'] })).key;
    const writer = (await newKey({ name: 'writer', scopes: ['events:write'] })).key;
    const admin = (await newKey({ name: 'second-admin', scopes: ['admin'] })).key;

    expectErrorEnvelope(await api.request('POST', '/v1/events', { ...EVENT, key: reader }), 403, 'forbidden');
    expect((await api.request('GET', '/v1/notifications', { key: reader })).status).toBe(200);
    for (const key of [reader, writer]) {
      expectErrorEnvelope(await api.request('GET', '/v1/admin/api-keys', { key }), 403, 'forbidden');
      expectErrorEnvelope(await create({ name: 'x', scopes: ['admin'] }, key), 403, 'forbidden');
    }
    expect((await api.request('GET', '/v1/admin/api-keys', { key: admin })).status).toBe(200);
    expect((await create({ name: 'made-by-admin', scopes: ['read'] }, admin)).status).toBe(201);
    expectErrorEnvelope(await api.request('GET', '/v1/admin/api-keys', { key: null }), 401, 'unauthorized');
  });

  it('stops a revoked key at once and lists it only when asked', async () => {
    const { id, key } = await newKey({ name: 'to-revoke', scopes: ['events:write'] });
    expect((await api.request('POST', '/v1/events', { ...EVENT, key })).status).toBe(202);

    const revoked = await api.request('DELETE', `/v1/admin/api-keys/${id}`);
    expect(revoked.status).toBe(204);
    expect(revoked.body).toBeUndefined();
    expectErrorEnvelope(await api.request('POST', '/v1/events', { ...EVENT, key }), 401, 'unauthorized');
    expectErrorEnvelope(
      await api.request('POST', '/v1/events', {
        ...EVENT,
        key: null,
        headers: { 'x-app-id': 'to-revoke', 'x-app-secret': key },
      }),
      401,
      'unauthorized',
    );

    expect(await listNames()).not.toContain('to-revoke');
    expect(await listNames('?revoked=true')).toContain('to-revoke');
    expect(await listNames('?revoked=false')).not.toContain('to-revoke');
    const view = (await api.request('GET', `/v1/admin/api-keys/${id}`)).body;
    expect(Date.parse(view.revokedAt)).toBeGreaterThan(Date.now() - 60_000);

    // Revoking again changes nothing, the first time stays.
    expect((await api.request('DELETE', `/v1/admin/api-keys/${id}`)).status).toBe(204);
    expect((await api.request('GET', `/v1/admin/api-keys/${id}`)).body.revokedAt).toBe(view.revokedAt);
  });

  it('refuses a key once its expiry has passed', async () => {
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const { key } = await newKey({ name: 'short-lived', scopes: ['events:write'], expiresAt });
    expect((await api.request('POST', '/v1/events', { ...EVENT, key })).status).toBe(202);
    await sleep(Date.parse(expiresAt) - Date.now() + 100);
    expectErrorEnvelope(await api.request('POST', '/v1/events', { ...EVENT, key }), 401, 'unauthorized');
    // Expired is not revoked: the key is still listed, with its expiry.
    expect(await listNames()).toContain('short-lived');
  });

  it('answers 404 for an unknown key', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      expectErrorEnvelope(await api.request('GET', `/v1/admin/api-keys/${id}`), 404, 'not_found');
      expectErrorEnvelope(await api.request('DELETE', `/v1/admin/api-keys/${id}`), 404, 'not_found');
    }
  });

  it('answers 400 naming each bad field', async () => {
    const response = await create({
      name: 'has space',
      scopes: ['write'],
      expiresAt: '2001-01-01T00:00:00Z',
      rateLimitPerMinute: -1,
      colour: 'red',
    });
    expectErrorEnvelope(response, 400, 'validation_failed');
    const fields = response.body.error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['colour', 'expiresAt', 'name', 'rateLimitPerMinute', 'scopes']);
    expect(JSON.stringify(response.body)).toContain('expiresAt must be a date in the future');
    expectErrorEnvelope(await create({ name: 'no-scopes', scopes: [] }), 400, 'validation_failed');
    expectErrorEnvelope(await api.request('GET', '/v1/admin/api-keys?revoked=yes'), 400, 'validation_failed');
    expectErrorEnvelope(
      await api.request('GET', '/v1/admin/api-keys?cursor=bogus'),
      400,
      'validation_failed',
    );
  });

  it('pages the list newest first with a cursor', async () => {
    const names = ['page-1', 'page-2', 'page-3', 'page-4', 'page-5'];
    for (const name of names) await newKey({ name, scopes: ['read'] });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page: ApiResponse = await api.request('GET', `/v1/admin/api-keys?revoked=true&limit=2${query}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((k: { name: string }) => k.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.slice(0, 5)).toEqual([...names].reverse());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain('bootstrap-admin');
    expect(seen).toContain('to-revoke');
  });
});
