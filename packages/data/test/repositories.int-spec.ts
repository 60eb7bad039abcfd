import { randomUUID } from 'node:crypto';
import { AttemptOutcome, DeliveryStatus, NotificationStatus } from '@herald/contracts';
import { createTestDatabase, type TestDatabase } from '@herald/testing';
import { HeraldData, migrateDatabase } from '../src/index.js';
import { deliveryFixture, notificationFixture } from '../src/testing/fixtures.js';

describe('repositories against a real Postgres', () => {
  let database: TestDatabase;
  let data: HeraldData;

  beforeAll(async () => {
    database = await createTestDatabase(migrateDatabase);
    data = await HeraldData.connect({ url: database.url });
  });

  afterAll(async () => {
    await data?.close();
    await database?.drop();
  });

  it('migrating twice is a no-op', async () => {
    expect(await migrateDatabase(database.url)).toEqual([]);
  });

  async function newNotification(type = 'job.failed') {
    return data.notifications.insert(
      notificationFixture({
        id: randomUUID(),
        type,
      }),
    );
  }

  it('claims a delivery once, records attempts and completes the notification', async () => {
    const notification = await newNotification();
    const deliveryId = randomUUID();
    await data.transaction(async (tx) => {
      await data.deliveries.insertMany(tx, [
        deliveryFixture({
          id: deliveryId,
          notificationId: notification.id,
          channel: 'email',
          address: 'a@example.com',
          message: { title: 't', markdown: 'b', text: 'b' },
          maxAttempts: 5,
        }),
      ]);
      await data.notifications.setStatus(tx, notification.id, NotificationStatus.Routed);
    });

    const claimed = await data.deliveries.claim(deliveryId, 60_000);
    expect(claimed).toMatchObject({ id: deliveryId, attemptCount: 1, address: 'a@example.com' });
    expect(await data.deliveries.claim(deliveryId, 60_000)).toBeNull();

    await data.deliveries.recordAttempt(
      deliveryId,
      {
        number: 1,
        startedAt: new Date(),
        durationMs: 12,
        outcome: AttemptOutcome.Sent,
        providerCode: '250',
        error: null,
      },
      DeliveryStatus.Sent,
      null,
    );
    await data.notifications.completeIfSettled(notification.id);

    const view = await data.notifications.findView(notification.id);
    expect(view?.status).toBe('completed');
    expect(view?.deliveries[0]).toMatchObject({
      status: 'sent',
      attemptCount: 1,
      sentAt: expect.any(String),
    });
    expect(view?.deliveries[0]?.attempts).toEqual([
      expect.objectContaining({ number: 1, outcome: 'sent', providerCode: '250', durationMs: 12 }),
    ]);
  });

  it('pages notifications newest first with a cursor', async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await newNotification('page.test')).id);
    const first = await data.notifications.list({ type: 'page.test', limit: 3 });
    expect(first.items.map((n) => n.id)).toEqual([ids[4], ids[3], ids[2]]);
    const second = await data.notifications.list({ type: 'page.test', limit: 3, cursor: first.nextCursor! });
    expect(second.items.map((n) => n.id)).toEqual([ids[1], ids[0]]);
    expect(second.nextCursor).toBeNull();
  });

  it('walks a resource chain up to the node that stops inheritance', async () => {
    await data.resources.ensureChain({ kind: 'job_template', id: '42' }, [
      { kind: 'project', id: 'web' },
      { kind: 'organization', id: 'acme' },
    ]);
    let chain = await data.resources.chainOf({ kind: 'job_template', id: '42' });
    expect(chain.map((n) => `${n.kind}/${n.id}`)).toEqual([
      'job_template/42',
      'project/web',
      'organization/acme',
    ]);

    await data.resources.put({ kind: 'project', id: 'web' }, { inheritNotifiers: false });
    chain = await data.resources.chainOf({ kind: 'job_template', id: '42' });
    expect(chain.map((n) => `${n.kind}/${n.id}`)).toEqual(['job_template/42', 'project/web']);
  });

  it('refuses a parent that would make a cycle', async () => {
    await data.resources.put({ kind: 'a', id: '1' }, { parent: { kind: 'b', id: '1' } });
    await expect(
      data.resources.put({ kind: 'b', id: '1' }, { parent: { kind: 'a', id: '1' } }),
    ).rejects.toThrow(/own ancestor/);
  });

  it('gives the channel default to the newest default notifier', async () => {
    const config = { url: 'http://127.0.0.1:1/hook' };
    await data.notifiers.create({
      name: 'hook_a',
      type: 'webhook',
      description: null,
      isDefault: true,
      fallback: null,
      config,
    });
    await data.notifiers.create({
      name: 'hook_b',
      type: 'webhook',
      description: null,
      isDefault: true,
      fallback: null,
      config,
    });
    const defaults = await data.notifiers.findDefaults();
    expect(defaults.map((n) => n.name)).toEqual(['hook_b']);
  });
});

describe('preferences against a real Postgres', () => {
  let database: TestDatabase;
  let data: HeraldData;

  beforeAll(async () => {
    database = await createTestDatabase(migrateDatabase);
    data = await HeraldData.connect({ url: database.url });
    await data.users.put('u-1', { email: 'a@example.com' });
    await data.users.put('u-2', { email: 'b@example.com' });
  });

  afterAll(async () => {
    await data?.close();
    await database?.drop();
  });

  it('keeps one preference per user, event type and channel, the last PUT winning', async () => {
    await data.preferences.put({ userId: 'u-1', eventType: 'job.failed', channel: 'email', enabled: false });
    await data.preferences.put({ userId: 'u-1', eventType: 'job.failed', channel: 'email', enabled: true });
    await data.preferences.put({ userId: 'u-1', eventType: 'job.failed', channel: null, enabled: false });
    await data.preferences.put({ userId: 'u-1', eventType: 'job.failed', channel: null, enabled: true });
    await data.preferences.put({ userId: 'u-2', eventType: 'job.failed', channel: null, enabled: false });
    await data.preferences.put({ userId: 'u-2', eventType: 'other', channel: null, enabled: false });

    expect(await data.preferences.forUser('u-1')).toEqual([
      { userId: 'u-1', eventType: 'job.failed', channel: 'email', enabled: true },
      { userId: 'u-1', eventType: 'job.failed', channel: null, enabled: true },
    ]);
    const grouped = await data.preferences.forUsers(['u-1', 'u-2'], 'job.failed');
    expect(grouped.get('u-1')).toHaveLength(2);
    expect(grouped.get('u-2')).toEqual([
      { userId: 'u-2', eventType: 'job.failed', channel: null, enabled: false },
    ]);
  });
});

describe('notification paging under bursts', () => {
  let database: TestDatabase;
  let data: HeraldData;

  beforeAll(async () => {
    database = await createTestDatabase(migrateDatabase);
    data = await HeraldData.connect({ url: database.url });
  });

  afterAll(async () => {
    await data?.close();
    await database?.drop();
  });

  it('pages through many notifications created within the same milliseconds without losing one', async () => {
    const ids = new Set<string>();
    await Promise.all(
      Array.from({ length: 120 }, async () => {
        const id = randomUUID();
        ids.add(id);
        await data.notifications.insert(
          notificationFixture({
            id,
            type: 'burst',
          }),
        );
      }),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await data.notifications.list({ type: 'burst', limit: 7, cursor });
      seen.push(...page.items.map((n) => n.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(120);
    expect(new Set(seen)).toEqual(ids);
  });
});
