import { randomUUID } from 'node:crypto';
import type { NewInboxItem } from '@herald/data';
import { sleep } from '@herald/testing';
import { hashApiKey } from '../src/auth/api-key-credentials.js';
import { expectErrorEnvelope, startTestApp, type TestApp } from './support/test-app.js';

const READER_KEY = 'inbox-reader-key-0123456789';
const WRITER_KEY = 'inbox-writer-key-0123456789';

describe('GET /v1/users/:id/inbox, POST .../read, POST .../read-all', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
    await api.data.apiKeys.ensure('inbox-reader', hashApiKey(READER_KEY), ['read']);
    await api.data.apiKeys.ensure('inbox-writer', hashApiKey(WRITER_KEY), ['events:write']);
  });

  afterAll(async () => {
    await api?.close();
  });

  /** A user with `count` inbox items stored one after the other; their ids, newest first. */
  async function userWithItems(count: number): Promise<{ userId: string; newestFirst: string[] }> {
    const userId = `u-${randomUUID().slice(0, 8)}`;
    expect((await api.request('PUT', `/v1/users/${userId}`, { body: {} })).status).toBe(200);
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      await sleep(3);
      ids.push((await api.data.inbox.insert(item(userId, `item ${i}`))).item.id);
    }
    return { userId, newestFirst: ids.reverse() };
  }

  it('lists the inbox newest first with its unread count, page by page', async () => {
    const { userId, newestFirst } = await userWithItems(5);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await api.request(
        'GET',
        `/v1/users/${userId}/inbox?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { key: READER_KEY },
      );
      expect(response.status).toBe(200);
      expect(Object.keys(response.body)).toEqual(['items', 'nextCursor', 'unreadCount']);
      expect(response.body.unreadCount).toBe(5);
      seen.push(...response.body.items.map((entry: { id: string }) => entry.id));
      cursor = response.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(newestFirst);

    const first = await api.request('GET', `/v1/users/${userId}/inbox?limit=1`);
    expect(first.body.items).toEqual([
      {
        id: newestFirst[0],
        notificationId: expect.any(String),
        type: 'job.failed',
        title: 'item 4',
        markdown: 'The job **deploy web** failed.',
        text: 'The job deploy web failed.',
        actions: [{ label: 'Open job', url: 'https://ci.example.com/jobs/42' }],
        data: { job: 'deploy web' },
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        readAt: null,
        expiresAt: null,
      },
    ]);
  });

  it('marks one item read (204), then all (marked: n), and counts what is left unread', async () => {
    const { userId, newestFirst } = await userWithItems(3);
    const read = await api.request('POST', `/v1/users/${userId}/inbox/${newestFirst[1]}/read`);
    expect(read.status).toBe(204);
    expect(read.body).toBeUndefined();
    // Marking it again is not an error.
    expect((await api.request('POST', `/v1/users/${userId}/inbox/${newestFirst[1]}/read`)).status).toBe(204);

    const after = await api.request('GET', `/v1/users/${userId}/inbox`);
    expect(after.body.unreadCount).toBe(2);
    const marked = after.body.items.find((entry: { id: string }) => entry.id === newestFirst[1]);
    expect(marked.readAt).toEqual(expect.stringMatching(/^\d{4}-/));

    const unread = await api.request('GET', `/v1/users/${userId}/inbox?unread=true`);
    expect(unread.body.items.map((entry: { id: string }) => entry.id)).toEqual([
      newestFirst[0],
      newestFirst[2],
    ]);

    const all = await api.request('POST', `/v1/users/${userId}/inbox/read-all`);
    expect(all).toMatchObject({ status: 200, body: { marked: 2 } });
    expect((await api.request('GET', `/v1/users/${userId}/inbox`)).body.unreadCount).toBe(0);
    expect((await api.request('POST', `/v1/users/${userId}/inbox/read-all`)).body).toEqual({ marked: 0 });
  });

  it('answers 404 for an item of another user, an unknown item and an unknown user', async () => {
    const owner = await userWithItems(1);
    const other = await userWithItems(0);
    for (const path of [
      `/v1/users/${other.userId}/inbox/${owner.newestFirst[0]}/read`,
      `/v1/users/${owner.userId}/inbox/${randomUUID()}/read`,
      `/v1/users/${owner.userId}/inbox/not-a-uuid/read`,
      '/v1/users/nobody/inbox/read-all',
    ]) {
      expectErrorEnvelope(await api.request('POST', path), 404, 'not_found');
    }
    expectErrorEnvelope(await api.request('GET', '/v1/users/nobody/inbox'), 404, 'not_found');
    expectErrorEnvelope(await api.request('GET', '/v1/users/nobody/inbox/stream'), 404, 'not_found');
    // The other user's mark left the item unread.
    expect((await api.request('GET', `/v1/users/${owner.userId}/inbox`)).body.unreadCount).toBe(1);
  });

  it('answers 400 for a bad cursor, limit or unread flag', async () => {
    const { userId } = await userWithItems(0);
    for (const query of ['cursor=bm90LWEtY3Vyc29y', 'limit=0', 'limit=101', 'unread=yes', 'other=1']) {
      expectErrorEnvelope(
        await api.request('GET', `/v1/users/${userId}/inbox?${query}`),
        400,
        'validation_failed',
      );
    }
  });

  it('needs a key: read for reading, admin for marking read', async () => {
    const { userId, newestFirst } = await userWithItems(1);
    expectErrorEnvelope(
      await api.request('GET', `/v1/users/${userId}/inbox`, { key: null }),
      401,
      'unauthorized',
    );
    expectErrorEnvelope(
      await api.request('GET', `/v1/users/${userId}/inbox/stream`, { key: null }),
      401,
      'unauthorized',
    );
    expectErrorEnvelope(
      await api.request('GET', `/v1/users/${userId}/inbox`, { key: WRITER_KEY }),
      403,
      'forbidden',
    );
    expectErrorEnvelope(
      await api.request('GET', `/v1/users/${userId}/inbox/stream`, { key: WRITER_KEY }),
      403,
      'forbidden',
    );
    expectErrorEnvelope(
      await api.request('POST', `/v1/users/${userId}/inbox/${newestFirst[0]}/read`, { key: READER_KEY }),
      403,
      'forbidden',
    );
    expectErrorEnvelope(
      await api.request('POST', `/v1/users/${userId}/inbox/read-all`, { key: READER_KEY }),
      403,
      'forbidden',
    );
    expect((await api.request('GET', `/v1/users/${userId}/inbox`, { key: READER_KEY })).status).toBe(200);
  });
});

function item(userId: string, title: string): NewInboxItem {
  return {
    userId,
    deliveryId: randomUUID(),
    notificationId: randomUUID(),
    type: 'job.failed',
    title,
    markdown: 'The job **deploy web** failed.',
    text: 'The job deploy web failed.',
    actions: [{ label: 'Open job', url: 'https://ci.example.com/jobs/42' }],
    data: { job: 'deploy web' },
    ttlDays: null,
  };
}
