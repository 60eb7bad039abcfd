import { expectErrorEnvelope, startTestApp, type TestApp } from './support/test-app.js';

/** The lists `herald apply --prune` reads, and event type removal. */
describe('GET /v1/users, GET /v1/resources, DELETE /v1/event-types/:name', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });

  afterAll(async () => {
    await api?.close();
  });

  async function everyPage(path: string): Promise<{ pages: number; items: unknown[] }> {
    const items: unknown[] = [];
    let pages = 0;
    let cursor: string | null = null;
    do {
      const response = await api.request('GET', `${path}?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.status).toBe(200);
      const page = response.body as { items: unknown[]; nextCursor: string | null };
      items.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    return { pages, items };
  }

  it('lists every user, page by page', async () => {
    for (const id of ['u-3', 'u-1', 'u-2']) {
      expect(
        (await api.request('PUT', `/v1/users/${id}`, { body: { email: `${id}@example.com` } })).status,
      ).toBe(200);
    }
    const { pages, items } = await everyPage('/v1/users');
    expect(pages).toBe(2);
    expect(items).toEqual([
      expect.objectContaining({ id: 'u-1', email: 'u-1@example.com' }),
      expect.objectContaining({ id: 'u-2' }),
      expect.objectContaining({ id: 'u-3' }),
    ]);
  });

  it('lists every resource with its parent, page by page', async () => {
    await api.request('PUT', '/v1/resources/project/web', {
      body: { parent: { kind: 'organization', id: 'acme' } },
    });
    await api.request('PUT', '/v1/resources/job_template/42', {
      body: { parent: { kind: 'project', id: 'web' } },
    });
    const { items } = await everyPage('/v1/resources');
    expect(items).toEqual([
      {
        kind: 'job_template',
        id: '42',
        name: null,
        parent: { kind: 'project', id: 'web' },
        inheritNotifiers: true,
      },
      { kind: 'organization', id: 'acme', name: null, parent: null, inheritNotifiers: true },
      {
        kind: 'project',
        id: 'web',
        name: null,
        parent: { kind: 'organization', id: 'acme' },
        inheritNotifiers: true,
      },
    ]);
  });

  it('refuses a cursor it did not hand out', async () => {
    expectErrorEnvelope(await api.request('GET', '/v1/users?cursor=bm9wZQ'), 400, 'validation_failed');
    expectErrorEnvelope(await api.request('GET', '/v1/resources?cursor=%7B'), 400, 'validation_failed');
  });

  it('deletes an event type', async () => {
    expect((await api.request('PUT', '/v1/event-types/old.type', { body: {} })).status).toBe(200);
    expect((await api.request('DELETE', '/v1/event-types/old.type')).status).toBe(204);
    expectErrorEnvelope(await api.request('GET', '/v1/event-types/old.type'), 404, 'not_found');
    expectErrorEnvelope(await api.request('DELETE', '/v1/event-types/old.type'), 404, 'not_found');
  });
});
