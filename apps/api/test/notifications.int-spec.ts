import { expectErrorEnvelope, startTestApp, type TestApp } from './support/test-app.js';

describe('GET /v1/notifications', () => {
  let api: TestApp;
  const sent: string[] = [];

  beforeAll(async () => {
    api = await startTestApp();
    for (const type of ['a.one', 'a.two', 'b.one', 'a.three', 'b.two']) {
      const response = await api.request('POST', '/v1/events', { body: { type } });
      expect(response.status).toBe(202);
      sent.push(response.body.id);
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  it('pages through everything with the cursor, newest first', async () => {
    const seen: string[] = [];
    let path = '/v1/notifications?limit=2';
    const pageSizes: number[] = [];
    for (;;) {
      const page = await api.request('GET', path);
      expect(page.status).toBe(200);
      pageSizes.push(page.body.items.length);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      if (page.body.nextCursor === null) break;
      path = `/v1/notifications?limit=2&cursor=${encodeURIComponent(page.body.nextCursor)}`;
    }
    expect(pageSizes).toEqual([2, 2, 1]);
    expect(seen).toEqual([...sent].reverse());
  });

  it('filters by type, status and since', async () => {
    const byType = await api.request('GET', '/v1/notifications?type=b.one');
    expect(byType.body.items).toEqual([
      { id: sent[2], type: 'b.one', status: 'accepted', createdAt: expect.any(String), source: null },
    ]);
    expect((await api.request('GET', '/v1/notifications?status=accepted')).body.items).toHaveLength(5);
    expect((await api.request('GET', '/v1/notifications?status=completed')).body.items).toHaveLength(0);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await api.request('GET', `/v1/notifications?since=${future}`)).body).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it('defaults to 50 per page', async () => {
    const all = await api.request('GET', '/v1/notifications');
    expect(all.body.items).toHaveLength(5);
    expect(all.body.nextCursor).toBeNull();
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['since=yesterday', 'since'],
    ['status=lost', 'status'],
    ['cursor=not-a-cursor', 'cursor'],
    ['colour=red', 'colour'],
  ])('refuses ?%s naming %s', async (query, field) => {
    const response = await api.request('GET', `/v1/notifications?${query}`);
    expectErrorEnvelope(response, 400, 'validation_failed');
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toEqual([field]);
  });

  it('answers 404 for an id it does not know', async () => {
    expectErrorEnvelope(
      await api.request('GET', '/v1/notifications/00000000-0000-4000-8000-000000000000'),
      404,
      'not_found',
    );
  });
});
