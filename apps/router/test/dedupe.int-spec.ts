import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { type DeliveryView, SkipReason } from '@herald/contracts';
import { HeraldData, migrateDatabase } from '@herald/data';
import {
  assertRedisReachable,
  createTestDatabase,
  deleteQueueKeys,
  freshQueuePrefix,
  TEST_REDIS_URL,
  type TestDatabase,
} from '@herald/testing';
import { RouterEnv } from '../src/config/router-env.js';
import { createRouter } from '../src/create-router.js';
import { RouterService } from '../src/routing/router.service.js';
import { notificationFixture } from '@herald/data/testing';

/**
 * The per-event-type dedupe window. The router decides; a `pending` delivery is one a worker will
 * send (the worker side is covered by @herald/worker-kit and the end-to-end tests).
 */
describe('dedupe window', () => {
  const prefix = freshQueuePrefix();
  let database: TestDatabase;
  let data: HeraldData;
  let router: INestApplicationContext;

  beforeAll(async () => {
    await assertRedisReachable();
    database = await createTestDatabase(migrateDatabase);
    data = await HeraldData.connect({ url: database.url });
    router = await createRouter(
      RouterEnv.from({ DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, HERALD_QUEUE_PREFIX: prefix }),
      ['error'],
    );
    await data.notifiers.create({
      name: 'mail',
      type: 'email',
      description: null,
      isDefault: true,
      fallback: null,
      config: { host: '127.0.0.1', port: 2525, security: 'none', from: 'herald@example.com' },
    });
    const type = (name: string, dedupeWindowSeconds: number | null) =>
      data.eventTypes.define({
        name,
        templates: { default: { title: 'Disk {{ data.disk }} full', body: 'On **{{ data.host }}**.' } },
        defaultMethods: ['email'],
        enabledByDefault: true,
        critical: false,
        group: null,
        dedupeWindowSeconds,
      });
    await type('disk.full', 600);
    await type('disk.nodedupe', null);
  });

  afterAll(async () => {
    await router?.close();
    await data?.close();
    await deleteQueueKeys(prefix);
    await database?.drop();
  });

  async function route(
    type: string,
    payload: Record<string, unknown>,
    recipients: { email: string }[] = [{ email: 'ops@example.com' }],
  ): Promise<DeliveryView[]> {
    const id = randomUUID();
    await data.notifications.insert(
      notificationFixture({
        id,
        type,
        data: payload,
        recipients,
        // Only the recipients: the deployment's default notifiers are not part of this.
        channels: ['email'],
      }),
    );
    await router.get(RouterService).route(id);
    return (await data.notifications.findView(id))!.deliveries;
  }

  const statuses = (deliveries: DeliveryView[]) =>
    deliveries.map(({ status, reason }) => ({ status, reason }));
  const sql = <Row>(text: string, params: unknown[] = []): Promise<Row[]> =>
    data.transaction((tx) => tx.query(text, params) as Promise<Row[]>);

  it('skips the same message to the same target within the window as a duplicate', async () => {
    const disk = { disk: '/var', host: 'web-1' };
    const first = await route('disk.full', disk);
    expect(statuses(first)).toEqual([{ status: 'pending', reason: null }]);
    const second = await route('disk.full', disk);
    expect(statuses(second)).toEqual([{ status: 'skipped', reason: SkipReason.Duplicate }]);

    // Another message, or another target, is not a duplicate.
    expect(statuses(await route('disk.full', { ...disk, host: 'web-2' }))).toEqual([
      { status: 'pending', reason: null },
    ]);
    expect(statuses(await route('disk.full', disk, [{ email: 'dev@example.com' }]))).toEqual([
      { status: 'pending', reason: null },
    ]);
    const [row] = await sql<{ dedupe_key: string }>(`SELECT dedupe_key FROM deliveries WHERE id = $1`, [
      first[0]!.id,
    ]);
    expect(row?.dedupe_key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('sends again once the window has passed', async () => {
    const disk = { disk: '/data', host: 'db-1' };
    const first = await route('disk.full', disk);
    await sql(`UPDATE deliveries SET created_at = now() - interval '601 seconds' WHERE id = $1`, [
      first[0]!.id,
    ]);
    expect(statuses(await route('disk.full', disk))).toEqual([{ status: 'pending', reason: null }]);
  });

  it('does not count a failed earlier delivery: the message never arrived', async () => {
    const disk = { disk: '/tmp', host: 'ci-1' };
    const first = await route('disk.full', disk);
    await sql(`UPDATE deliveries SET status = 'failed' WHERE id = $1`, [first[0]!.id]);
    expect(statuses(await route('disk.full', disk))).toEqual([{ status: 'pending', reason: null }]);
  });

  it('never dedupes a type without a window', async () => {
    const disk = { disk: '/var', host: 'web-1' };
    const routed = [await route('disk.nodedupe', disk), await route('disk.nodedupe', disk)];
    expect(routed.map(statuses)).toEqual([
      [{ status: 'pending', reason: null }],
      [{ status: 'pending', reason: null }],
    ]);
    const keys = await sql<{ dedupe_key: string | null }>(
      `SELECT dedupe_key FROM deliveries WHERE id = ANY($1)`,
      [routed.map((deliveries) => deliveries[0]!.id)],
    );
    expect(keys).toEqual([{ dedupe_key: null }, { dedupe_key: null }]);
  });
});
