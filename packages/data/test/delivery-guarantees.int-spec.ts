import { randomUUID } from 'node:crypto';
import { DeliveryStatus } from '@herald/contracts';
import { createTestDatabase, type TestDatabase } from '@herald/testing';
import { HeraldData, migrateDatabase, type NewDelivery, type NewNotification } from '../src/index.js';
import { deliveryFixture } from '../src/testing/fixtures.js';

/** The repository side of idempotency, leases, dedupe, the reconciler and retention. */
describe('delivery guarantees against a real Postgres', () => {
  let database: TestDatabase;
  let data: HeraldData;
  let apiKeyId: string;

  beforeAll(async () => {
    database = await createTestDatabase(migrateDatabase);
    data = await HeraldData.connect({ url: database.url, poolSize: 25 });
    await data.apiKeys.ensure('caller', 'hash-of-caller', ['events:write']);
    apiKeyId = (await data.apiKeys.findActiveByHash('hash-of-caller'))!.id;
  });

  afterAll(async () => {
    await data?.close();
    await database?.drop();
  });

  function notification(overrides: Partial<NewNotification> = {}): NewNotification {
    return {
      id: randomUUID(),
      type: 'job.failed',
      source: null,
      trigger: null,
      data: {},
      actions: [],
      recipients: [],
      channels: null,
      idempotencyKey: null,
      apiKeyId,
      ...overrides,
    };
  }

  async function withDelivery(overrides: Partial<NewDelivery> = {}): Promise<string> {
    const owner = await data.notifications.insert(notification());
    const id = randomUUID();
    await data.transaction((tx) =>
      data.deliveries.insertMany(tx, [
        deliveryFixture({
          id,
          notificationId: owner.id,
          channel: 'email',
          address: 'a@example.com',
          message: { title: 't', markdown: 'b', text: 'b' },
          maxAttempts: 5,
          ...overrides,
        }),
      ]),
    );
    return id;
  }

  const sql = (text: string, params: unknown[] = []) =>
    data.transaction((tx) => tx.query(text, params) as Promise<unknown>);

  describe('insertOrFindByIdempotencyKey', () => {
    it('inserts once and hands the holder to every concurrent caller', async () => {
      const key = `race-${randomUUID()}`;
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, () =>
          data.notifications.insertOrFindByIdempotencyKey({
            ...notification(),
            idempotencyKey: key,
            requestHash: 'h1',
          }),
        ),
      );
      expect(outcomes.filter((outcome) => outcome.created)).toHaveLength(1);
      expect(new Set(outcomes.map((outcome) => outcome.record.id)).size).toBe(1);
      expect(outcomes[0]!.record).toMatchObject({ idempotencyKey: key, requestHash: 'h1', apiKeyId });
    });

    it('keeps keys apart per API key, a missing API key counting as one', async () => {
      const key = `shared-${randomUUID()}`;
      const mine = await data.notifications.insertOrFindByIdempotencyKey({
        ...notification(),
        idempotencyKey: key,
      });
      const keyless = await data.notifications.insertOrFindByIdempotencyKey({
        ...notification({ apiKeyId: null }),
        idempotencyKey: key,
      });
      const keylessAgain = await data.notifications.insertOrFindByIdempotencyKey({
        ...notification({ apiKeyId: null }),
        idempotencyKey: key,
      });
      expect([mine.created, keyless.created, keylessAgain.created]).toEqual([true, true, false]);
      expect(keylessAgain.record.id).toBe(keyless.record.id);
      expect((await data.notifications.findByIdempotencyKey(null, key))?.id).toBe(keyless.record.id);
      expect((await data.notifications.findByIdempotencyKey(apiKeyId, key))?.id).toBe(mine.record.id);
    });

    it('takes a key over from a holder older than its lifetime, the old row keeping its data', async () => {
      const key = `old-${randomUUID()}`;
      const first = await data.notifications.insertOrFindByIdempotencyKey({
        ...notification(),
        idempotencyKey: key,
      });
      await sql(`UPDATE notifications SET created_at = now() - interval '25 hours' WHERE id = $1`, [
        first.record.id,
      ]);
      const outcomes = await Promise.all(
        Array.from({ length: 5 }, () =>
          data.notifications.insertOrFindByIdempotencyKey({ ...notification(), idempotencyKey: key }),
        ),
      );
      expect(outcomes.filter((outcome) => outcome.created)).toHaveLength(1);
      const second = outcomes.find((outcome) => outcome.created)!.record;
      expect(second.id).not.toBe(first.record.id);
      expect(new Set(outcomes.map((outcome) => outcome.record.id))).toEqual(new Set([second.id]));
      expect(await data.notifications.findById(first.record.id)).toMatchObject({ idempotencyKey: null });
    });
  });

  it('claims a sending delivery only once its lease has run out, and only once', async () => {
    const id = await withDelivery();
    expect(await data.deliveries.claim(id, 60_000)).toMatchObject({ attemptCount: 1 });
    // A live lease: another run of the job must not send it again.
    expect(await data.deliveries.claim(id, 60_000)).toBeNull();

    await sql(`UPDATE deliveries SET leased_until = now() - interval '1 second' WHERE id = $1`, [id]);
    const reclaims = await Promise.all([
      data.deliveries.claim(id, 60_000),
      data.deliveries.claim(id, 60_000),
    ]);
    expect(reclaims.filter(Boolean)).toEqual([expect.objectContaining({ id, attemptCount: 2 })]);
  });

  it('finds the dedupe keys of recent deliveries that went or may go out', async () => {
    const [sent, failed, old] = [randomUUID(), randomUUID(), randomUUID()];
    await withDelivery({ dedupeKey: sent });
    await withDelivery({ dedupeKey: failed, status: DeliveryStatus.Failed });
    const oldId = await withDelivery({ dedupeKey: old });
    await sql(`UPDATE deliveries SET created_at = now() - interval '2 hours' WHERE id = $1`, [oldId]);

    expect(await data.deliveries.findRecentDedupeKeys([sent, failed, old, randomUUID()], 3600)).toEqual(
      new Set([sent]),
    );
    expect(await data.deliveries.findRecentDedupeKeys([old], 3 * 3600)).toEqual(new Set([old]));
    expect(await data.deliveries.findRecentDedupeKeys([], 3600)).toEqual(new Set());
  });

  it('finds deliveries past their lease or left open, page by page, outside paused channels', async () => {
    await sql(`UPDATE deliveries SET status = 'sent' WHERE status IN ('pending', 'sending', 'retrying')`);
    const fresh = await withDelivery();
    const idle = await withDelivery();
    const idleWebhook = await withDelivery({ channel: 'webhook' });
    const leased = await withDelivery();
    const expired = await withDelivery();
    await sql(`UPDATE deliveries SET updated_at = now() - interval '10 minutes' WHERE id = ANY($1)`, [
      [idle, idleWebhook, leased, expired],
    ]);
    await sql(
      `UPDATE deliveries SET status = 'sending', leased_until = now() + interval '1 minute' WHERE id = $1`,
      [leased],
    );
    await sql(
      `UPDATE deliveries SET status = 'sending', leased_until = now() - interval '2 minutes' WHERE id = $1`,
      [expired],
    );

    const all = await data.deliveries.findStuck(60_000, 10);
    expect(all.map((d) => d.id).sort()).toEqual([idle, idleWebhook, expired].sort());
    expect(all.map((d) => d.id)).not.toContain(fresh);

    const firstPage = await data.deliveries.findStuck(60_000, 2);
    const secondPage = await data.deliveries.findStuck(60_000, 2, { afterId: firstPage[1]!.id });
    expect([...firstPage, ...secondPage].map((d) => d.id)).toEqual(all.map((d) => d.id));

    const unpaused = await data.deliveries.findStuck(60_000, 10, { pausedChannels: ['webhook'] });
    expect(unpaused.map((d) => d.id).sort()).toEqual([idle, expired].sort());
  });

  it('purges old completed notifications with their deliveries, batch by batch', async () => {
    const oldDone = await withDelivery({ status: DeliveryStatus.Skipped });
    const oldDoneToo = await withDelivery({ status: DeliveryStatus.Skipped });
    const recentDone = await withDelivery({ status: DeliveryStatus.Skipped });
    const oldOpen = await withDelivery();
    const owners = async (ids: string[]) =>
      (
        (await sql(`SELECT notification_id FROM deliveries WHERE id = ANY($1)`, [ids])) as {
          notification_id: string;
        }[]
      ).map((row) => row.notification_id);
    const [oldOwner, oldOwnerToo, recentOwner, openOwner] = await Promise.all(
      [oldDone, oldDoneToo, recentDone, oldOpen].map(async (id) => (await owners([id]))[0]!),
    );
    await sql(`UPDATE notifications SET status = 'completed' WHERE id = ANY($1)`, [
      [oldOwner, oldOwnerToo, recentOwner],
    ]);
    await sql(`UPDATE notifications SET updated_at = now() - interval '8 days' WHERE id = ANY($1)`, [
      [oldOwner, oldOwnerToo, openOwner],
    ]);

    expect(await data.upkeep.purgeCompleted(7, 1)).toBe(1);
    expect(await data.upkeep.purgeCompleted(7, 1)).toBe(1);
    expect(await data.upkeep.purgeCompleted(7, 1)).toBe(0);
    expect(await data.notifications.findById(oldOwner)).toBeNull();
    expect(await data.notifications.findById(oldOwnerToo)).toBeNull();
    expect(await owners([oldDone, oldDoneToo])).toEqual([]);
    expect(await data.notifications.findById(recentOwner)).not.toBeNull();
    expect(await data.notifications.findById(openOwner)).not.toBeNull();
  });

  it('releases idempotency keys held longer than their lifetime', async () => {
    const old = await data.notifications.insert(notification({ idempotencyKey: `k-${randomUUID()}` }));
    const recent = await data.notifications.insert(notification({ idempotencyKey: `k-${randomUUID()}` }));
    await sql(
      `UPDATE notifications SET created_at = now() - interval '25 hours', updated_at = now() - interval '25 hours'
        WHERE id = $1`,
      [old.id],
    );
    expect(await data.upkeep.releaseIdempotencyKeys(24 * 3600 * 1000, 100)).toBeGreaterThanOrEqual(1);
    const released = await data.notifications.findById(old.id);
    expect(released?.idempotencyKey).toBeNull();
    expect((await data.notifications.findById(recent.id))?.idempotencyKey).toBe(recent.idempotencyKey);
    // Releasing a key is not a change of the notification: retention still dates it by its last change.
    const [row] = (await sql(
      `SELECT updated_at < now() - interval '24 hours' AS kept FROM notifications WHERE id = $1`,
      [old.id],
    )) as { kept: boolean }[];
    expect(row?.kept).toBe(true);
  });
});
