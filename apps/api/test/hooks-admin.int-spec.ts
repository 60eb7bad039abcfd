import { expectErrorEnvelope, startTestApp, type TestApp } from './support/test-app.js';

describe('/v1/admin/hook-sources', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });

  afterAll(async () => {
    await api?.close();
  });

  /** The `secret` column as Postgres holds it, read past the repository (which would decrypt it). */
  async function storedSecret(provider: string, account: string): Promise<string> {
    const rows = await api.data.transaction((tx) =>
      tx.query('SELECT secret FROM hook_sources WHERE provider = $1 AND account = $2', [provider, account]),
    );
    return rows[0].secret;
  }

  it('creates a source with its secret encrypted at rest and masked in every answer', async () => {
    const created = await api.request('POST', '/v1/admin/hook-sources', {
      body: { provider: 'github', account: 'acme', secret: 'gh-secret-one' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      provider: 'github',
      account: 'acme',
      secret: '$encrypted$',
      path: '/v1/hooks/github/acme',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const column = await storedSecret('github', 'acme');
    expect(column).toMatch(/^enc:v1:[0-9a-f]{8}:/);
    expect(column).not.toContain('gh-secret-one');
    expect((await api.data.hookSources.findWithSecret('github', 'acme'))?.secret).toBe('gh-secret-one');

    const one = await api.request('GET', '/v1/admin/hook-sources/github/acme');
    expect(one.status).toBe(200);
    expect(one.body).toEqual(created.body);
    expect(JSON.stringify(one.body)).not.toContain('gh-secret-one');
  });

  it('replaces the secret of an existing source (200), which then verifies with the new one only', async () => {
    const replaced = await api.request('POST', '/v1/admin/hook-sources', {
      body: { provider: 'github', account: 'acme', secret: 'gh-secret-two' },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.secret).toBe('$encrypted$');
    expect((await api.data.hookSources.findWithSecret('github', 'acme'))?.secret).toBe('gh-secret-two');
  });

  it('lists sources by provider and account, and deletes them', async () => {
    await api.request('POST', '/v1/admin/hook-sources', {
      body: { provider: 'dockerhub', account: 'acme', secret: 'dh-token-0123456789abcdef' },
    });
    const list = await api.request('GET', '/v1/admin/hook-sources');
    expect(list.status).toBe(200);
    expect(list.body.nextCursor).toBeNull();
    expect(list.body.items.map((s: { provider: string; path: string }) => [s.provider, s.path])).toEqual([
      ['dockerhub', '/v1/hooks/dockerhub/acme/{secret}'],
      ['github', '/v1/hooks/github/acme'],
    ]);
    expect(JSON.stringify(list.body)).not.toContain('dh-token-0123456789abcdef');

    expect((await api.request('DELETE', '/v1/admin/hook-sources/dockerhub/acme')).status).toBe(204);
    expectErrorEnvelope(
      await api.request('DELETE', '/v1/admin/hook-sources/dockerhub/acme'),
      404,
      'not_found',
    );
    expectErrorEnvelope(await api.request('GET', '/v1/admin/hook-sources/dockerhub/acme'), 404, 'not_found');
    // A deleted source's hooks are refused like an unknown one's.
    const hook = await api.request('POST', '/v1/hooks/dockerhub/acme/dh-token-0123456789abcdef', {
      raw: '{}',
      key: null,
    });
    expectErrorEnvelope(hook, 404, 'not_found');
  });

  it.each([
    [{ provider: 'github', account: 'acme', secret: '' }, 'secret'],
    [{ provider: 'github', account: 'acme', secret: '   ' }, 'secret'],
    [{ provider: 'github', account: 'acme' }, 'secret'],
    [{ provider: 'github', account: 'acme', secret: '$encrypted$' }, 'secret'],
    [{ provider: 'dockerhub', account: 'acme', secret: 'short' }, 'secret'],
    [{ provider: 'dockerhub', account: 'acme', secret: 'has/slash-0123456789' }, 'secret'],
    [{ provider: 'gitlab', account: 'acme', secret: 's3cret' }, 'provider'],
    [{ provider: 'github', account: 'a b', secret: 's3cret' }, 'account'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const response = await api.request('POST', '/v1/admin/hook-sources', { body });
    expectErrorEnvelope(response, 400, 'validation_failed');
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('keeps an empty secret out of the table whatever the code path', async () => {
    await expect(
      api.data.transaction((tx) =>
        tx.query(`INSERT INTO hook_sources (provider, account, secret) VALUES ('generic', 'x', '')`),
      ),
    ).rejects.toThrow(/check constraint/);
    await expect(
      api.data.hookSources.upsert({ provider: 'generic', account: 'x', secret: '' }),
    ).rejects.toThrow();
  });

  it('needs the admin scope; the hook endpoint itself needs no key', async () => {
    expectErrorEnvelope(
      await api.request('GET', '/v1/admin/hook-sources', { key: null }),
      401,
      'unauthorized',
    );
    expectErrorEnvelope(
      await api.request('POST', '/v1/admin/hook-sources', {
        key: null,
        body: { provider: 'generic', account: 'ci', secret: 's3cret' },
      }),
      401,
      'unauthorized',
    );
    // No key and no signature: refused for the signature (403), not the key (401).
    const hook = await api.request('POST', '/v1/hooks/github/acme', { raw: '{}', key: null });
    expectErrorEnvelope(hook, 403, 'forbidden');
  });
});
