import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createTestDatabase, sleep, type TestDatabase } from '@herald/testing';
import { HeraldData, InvalidCursorError, migrateDatabase, type NewInboxItem } from '../src/index.js';

describe('inbox repository against a real Postgres', () => {
  let database: TestDatabase;
  let data: HeraldData;
  let client: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase(migrateDatabase);
    data = await HeraldData.connect({ url: database.url });
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await data?.close();
    await database?.drop();
  });

  function newItem(userId: string, overrides: Partial<NewInboxItem> = {}): NewInboxItem {
    return {
      userId,
      deliveryId: randomUUID(),
      notificationId: randomUUID(),
      type: 'job.failed',
      title: 'Job deploy web failed',
      markdown: 'The job **deploy web** failed.',
      text: 'The job deploy web failed.',
      actions: [{ label: 'Open job', url: 'https://ci.example.com/jobs/42' }],
      data: { job: 'deploy web', tags: ['prod'] },
      ttlDays: null,
      ...overrides,
    };
  }

  /** A user with `count` items stored one after the other; their ids, newest first. */
  async function userWithItems(count: number): Promise<{ userId: string; newestFirst: string[] }> {
    const userId = `u-${randomUUID()}`;
    await data.users.put(userId, {});
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      // Apart by a few milliseconds, so "newest first" is the order they were stored in.
      await sleep(3);
      ids.push((await data.inbox.insert(newItem(userId, { title: `item ${i}` }))).item.id);
    }
    return { userId, newestFirst: ids.reverse() };
  }

  it('stores an item and gives it back as the view', async () => {
    const userId = 'u-view';
    await data.users.put(userId, {});
    const given = newItem(userId);
    const { item, created } = await data.inbox.insert(given);
    expect(created).toBe(true);
    expect(item).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      notificationId: given.notificationId,
      type: 'job.failed',
      title: 'Job deploy web failed',
      markdown: 'The job **deploy web** failed.',
      text: 'The job deploy web failed.',
      actions: [{ label: 'Open job', url: 'https://ci.example.com/jobs/42' }],
      data: { job: 'deploy web', tags: ['prod'] },
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      readAt: null,
      expiresAt: null,
    });
    const { rows } = await client.query('SELECT actions, data FROM inbox_items WHERE id = $1', [item.id]);
    // Stored as JSON, not as a Postgres array.
    expect(rows[0]).toEqual({ actions: given.actions, data: given.data });
  });

  it('stores one item per delivery, however often the delivery inserts it', async () => {
    const userId = 'u-twice';
    await data.users.put(userId, {});
    const given = newItem(userId);
    const first = await data.inbox.insert(given);
    const second = await data.inbox.insert({ ...given, title: 'a second try' });
    expect(second).toEqual({ item: first.item, created: false });
    const { rows } = await client.query('SELECT count(*)::int AS n FROM inbox_items WHERE delivery_id = $1', [
      given.deliveryId,
    ]);
    expect(rows[0].n).toBe(1);
  });

  it('refuses an item for a user that does not exist with a foreign-key violation', async () => {
    await expect(data.inbox.insert(newItem('u-nobody'))).rejects.toMatchObject({
      driverError: expect.objectContaining({ code: '23503' }),
    });
  });

  it('pages newest first with a cursor, without skipping or repeating items', async () => {
    const { userId, newestFirst } = await userWithItems(5);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await data.inbox.list(userId, { limit: 2, cursor });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(newestFirst);
  });

  it('refuses a cursor it did not make', async () => {
    await expect(data.inbox.list('u-view', { limit: 2, cursor: 'bm90LWEtY3Vyc29y' })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
  });

  it('counts unread items and marks one, then all, read', async () => {
    const { userId, newestFirst } = await userWithItems(4);
    const other = await userWithItems(1);
    expect(await data.inbox.unreadCount(userId)).toBe(4);

    expect(await data.inbox.markRead(userId, newestFirst[1]!)).toBe(true);
    expect(await data.inbox.unreadCount(userId)).toBe(3);
    const unread = await data.inbox.list(userId, { limit: 10, unreadOnly: true });
    expect(unread.items.map((item) => item.id)).toEqual(newestFirst.filter((_, index) => index !== 1));
    const all = await data.inbox.list(userId, { limit: 10 });
    const marked = all.items.find((item) => item.id === newestFirst[1])!;
    expect(marked.readAt).not.toBeNull();

    // Marking again is fine and keeps the first time; another user's item is not this user's.
    expect(await data.inbox.markRead(userId, newestFirst[1]!)).toBe(true);
    const again = (await data.inbox.list(userId, { limit: 10 })).items.find((i) => i.id === newestFirst[1]);
    expect(again?.readAt).toBe(marked.readAt);
    expect(await data.inbox.markRead(userId, other.newestFirst[0]!)).toBe(false);
    expect(await data.inbox.markRead(userId, randomUUID())).toBe(false);

    expect(await data.inbox.markAllRead(userId)).toBe(3);
    expect(await data.inbox.unreadCount(userId)).toBe(0);
    expect(await data.inbox.markAllRead(userId)).toBe(0);
    expect(await data.inbox.unreadCount(other.userId)).toBe(1);
  });

  it('hides expired items and purges them', async () => {
    const userId = 'u-expiry';
    await data.users.put(userId, {});
    const kept = (await data.inbox.insert(newItem(userId))).item;
    const expiring = (await data.inbox.insert(newItem(userId, { ttlDays: 7 }))).item;
    const days = (Date.parse(expiring.expiresAt!) - Date.parse(expiring.createdAt)) / 86_400_000;
    expect(days).toBeCloseTo(7, 3);

    await client.query(`UPDATE inbox_items SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      expiring.id,
    ]);
    expect((await data.inbox.list(userId, { limit: 10 })).items.map((item) => item.id)).toEqual([kept.id]);
    expect(await data.inbox.unreadCount(userId)).toBe(1);
    expect(await data.inbox.markRead(userId, expiring.id)).toBe(false);

    expect(await data.inbox.deleteExpired()).toBe(1);
    expect(await data.inbox.deleteExpired()).toBe(0);
    const { rows } = await client.query('SELECT id FROM inbox_items WHERE user_id = $1', [userId]);
    expect(rows).toEqual([{ id: kept.id }]);
  });

  it('deletes the inbox with its user', async () => {
    const { userId } = await userWithItems(2);
    await data.users.delete(userId);
    const { rows } = await client.query('SELECT count(*)::int AS n FROM inbox_items WHERE user_id = $1', [
      userId,
    ]);
    expect(rows[0].n).toBe(0);
  });
});
