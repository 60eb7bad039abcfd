import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { DeliveryView } from '@herald/contracts';
import { type EventTypeRecord, HeraldData, migrateDatabase, type NewNotification } from '@herald/data';
import {
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

const smtp = { host: '127.0.0.1', port: 2525, security: 'none', from: 'herald@example.com' };

/** The routing rules of DESIGN.md, each against the real database. */
describe('target resolution rules', () => {
  const prefix = freshQueuePrefix();
  let database: TestDatabase;
  let data: HeraldData;
  let router: INestApplicationContext;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase(migrateDatabase);
    data = await HeraldData.connect({ url: database.url });
    router = await createRouter(
      RouterEnv.from({ DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, HERALD_QUEUE_PREFIX: prefix }),
      ['error'],
    );
    const hook = (name: string, extra: object = {}) =>
      data.notifiers.create({
        name,
        type: 'webhook',
        description: null,
        isDefault: false,
        fallback: null,
        config: { url: `http://127.0.0.1:9/${name}` },
        ...extra,
      });
    for (const name of [
      'org_hook',
      'project_hook',
      'template_hook',
      'success_hook',
      'github_hook',
      'default_hook',
    ]) {
      ids[name] = (await hook(name)).id;
    }
    ids.custom_hook = (
      await hook('custom_hook', {
        messages: {
          error: { title: 'ERROR in {{ source.id }}' },
          default: { title: 'Custom {{ type }}', body: 'custom body' },
        },
      })
    ).id;
    await data.notifiers.create({
      name: 'mail',
      type: 'email',
      description: null,
      isDefault: true,
      fallback: null,
      config: smtp,
    });
    await data.notifiers.create({
      name: 'hooks',
      type: 'webhook',
      description: null,
      isDefault: true,
      fallback: null,
      config: { url: 'http://127.0.0.1:9/users' },
    });

    // organization/acme > project/web > job_template/42, and an isolated project/private.
    await data.resources.ensureChain({ kind: 'job_template', id: '42' }, [
      { kind: 'project', id: 'web' },
      { kind: 'organization', id: 'acme' },
    ]);
    await data.resources.attach({ kind: 'organization', id: 'acme' }, ids.org_hook!, ['error']);
    await data.resources.attach({ kind: 'project', id: 'web' }, ids.project_hook!, ['error', 'success']);
    await data.resources.attach({ kind: 'project', id: 'web' }, ids.org_hook!, ['any']);
    await data.resources.attach({ kind: 'job_template', id: '42' }, ids.template_hook!, ['error']);
    await data.resources.attach({ kind: 'job_template', id: '42' }, ids.success_hook!, ['success']);
    await data.resources.attach({ kind: 'organization', id: 'acme' }, ids.github_hook!, ['github.*']);
    await data.resources.attach({ kind: 'deployment', id: 'default' }, ids.default_hook!, ['any']);
    await data.resources.put(
      { kind: 'project', id: 'private' },
      { parent: { kind: 'organization', id: 'acme' }, inheritNotifiers: false },
    );
    await data.resources.attach({ kind: 'project', id: 'custom' }, ids.custom_hook!, ['any']);

    await data.users.put('alice', { email: 'alice@example.com' });
    await data.users.put('nomail', { name: 'No Mail' });
  });

  afterAll(async () => {
    await router?.close();
    await data?.close();
    await deleteQueueKeys(prefix);
    await database?.drop();
  });

  async function route(event: Partial<NewNotification>): Promise<DeliveryView[]> {
    const id = randomUUID();
    await data.notifications.insert(
      notificationFixture({
        id,
        ...event,
      }),
    );
    await router.get(RouterService).route(id);
    return (await data.notifications.findView(id))!.deliveries;
  }

  const names = (deliveries: DeliveryView[]) => deliveries.map((d) => d.notifier).sort();
  // Events without a source also reach the deployment defaults; these tests look at the users' part.
  const forUsers = (deliveries: DeliveryView[]) => deliveries.filter((d) => d.userId !== null);

  async function eventType(record: Partial<EventTypeRecord> & { name: string }): Promise<void> {
    await data.eventTypes.put({
      templates: {},
      defaultMethods: ['email'],
      adminMethods: null,
      enabledByDefault: true,
      critical: false,
      group: null,
      ...record,
    });
  }

  it('inherits across three levels, each notifier once, for a matching trigger', async () => {
    const deliveries = await route({ source: { kind: 'job_template', id: '42' }, trigger: 'error' });
    // org_hook is attached at two levels (organization for error, project for any): one delivery.
    expect(names(deliveries)).toEqual(['org_hook', 'project_hook', 'template_hook']);
  });

  it('takes only the attachments whose trigger matches', async () => {
    const deliveries = await route({
      type: 'job.succeeded',
      source: { kind: 'job_template', id: '42' },
      trigger: 'success',
    });
    expect(names(deliveries)).toEqual(['org_hook', 'project_hook', 'success_hook']);
  });

  it('matches event-type globs', async () => {
    const deliveries = await route({ type: 'github.push', source: { kind: 'organization', id: 'acme' } });
    expect(names(deliveries)).toEqual(['github_hook']);
  });

  it('stops the walk at a resource that does not inherit, then uses the defaults', async () => {
    const deliveries = await route({ source: { kind: 'project', id: 'private' }, trigger: 'error' });
    expect(names(deliveries)).toEqual(['default_hook']);
  });

  it('uses the deployment defaults only when nothing matched', async () => {
    expect(names(await route({ source: { kind: 'nowhere', id: '1' }, trigger: 'error' }))).toEqual([
      'default_hook',
    ]);
    expect(
      names(await route({ source: { kind: 'job_template', id: '42' }, trigger: 'error' })),
    ).not.toContain('default_hook');
  });

  it('creates the chain from an event source on the fly', async () => {
    const deliveries = await route({
      source: {
        kind: 'job_template',
        id: '77',
        ancestors: [
          { kind: 'project', id: 'web' },
          { kind: 'organization', id: 'acme' },
        ],
      },
      trigger: 'error',
    });
    expect(names(deliveries)).toEqual(['org_hook', 'project_hook']);
    expect(await data.resources.find({ kind: 'job_template', id: '77' })).toMatchObject({
      parent: { kind: 'project', id: 'web' },
    });
  });

  it("renders with the notifier's own messages, for the trigger or its default", async () => {
    const [onError] = await route({
      source: { kind: 'project', id: 'custom' },
      trigger: 'error',
      data: { x: 1 },
    });
    expect(onError).toMatchObject({ notifier: 'custom_hook', status: 'pending' });
    const errorMessage = await data.deliveries.claim(onError!.id, 1000);
    expect(errorMessage?.message?.title).toBe('ERROR in custom');

    const [onSuccess] = await route({
      type: 'job.succeeded',
      source: { kind: 'project', id: 'custom' },
      trigger: 'success',
    });
    const successMessage = await data.deliveries.claim(onSuccess!.id, 1000);
    expect(successMessage?.message).toMatchObject({ title: 'Custom job.succeeded', markdown: 'custom body' });
  });

  it('sends a notification aimed at one notifier there only', async () => {
    const deliveries = await route({
      type: 'herald.test',
      trigger: 'test',
      source: { kind: 'job_template', id: '42' },
      notifierId: ids.success_hook!,
    });
    expect(names(deliveries)).toEqual(['success_hook']);
  });

  it('skips a user without an address for the channel', async () => {
    const deliveries = forUsers(await route({ recipients: [{ userId: 'nomail' }, { userId: 'alice' }] }));
    expect(deliveries.map((d) => [d.userId, d.status, d.reason]).sort()).toEqual([
      ['alice', 'pending', null],
      ['nomail', 'skipped', 'no_address'],
    ]);
  });

  it("sends by the event type's default methods, or the admin's methods when set", async () => {
    await eventType({ name: 'deploy.done', defaultMethods: ['email', 'webhook'] });
    let deliveries = forUsers(await route({ type: 'deploy.done', recipients: [{ userId: 'alice' }] }));
    expect(deliveries.map((d) => d.channel).sort()).toEqual(['email', 'webhook']);

    await data.eventTypes.setAdminMethods('deploy.done', ['webhook']);
    deliveries = forUsers(await route({ type: 'deploy.done', recipients: [{ userId: 'alice' }] }));
    expect(deliveries.map((d) => [d.channel, d.notifier, d.address])).toEqual([
      ['webhook', 'hooks', 'http://127.0.0.1:9/users'],
    ]);
  });

  describe('user preferences', () => {
    const reasons = async (type: string) =>
      forUsers(await route({ type, recipients: [{ userId: 'alice' }] }))
        .map((d) => [d.channel, d.status, d.reason])
        .sort();

    it('skips a channel the user opted out of, and keeps the others', async () => {
      await eventType({ name: 'build.broken', defaultMethods: ['email', 'webhook'] });
      await data.preferences.put({
        userId: 'alice',
        eventType: 'build.broken',
        channel: 'email',
        enabled: false,
      });
      expect(await reasons('build.broken')).toEqual([
        ['email', 'skipped', 'opted_out'],
        ['webhook', 'pending', null],
      ]);
    });

    it('lets a channel-specific choice beat the all-channels one', async () => {
      await eventType({ name: 'build.fixed', defaultMethods: ['email', 'webhook'] });
      await data.preferences.put({
        userId: 'alice',
        eventType: 'build.fixed',
        channel: null,
        enabled: false,
      });
      await data.preferences.put({
        userId: 'alice',
        eventType: 'build.fixed',
        channel: 'webhook',
        enabled: true,
      });
      expect(await reasons('build.fixed')).toEqual([
        ['email', 'skipped', 'opted_out'],
        ['webhook', 'pending', null],
      ]);
    });

    it('sends critical event types whatever the user opted out of', async () => {
      await eventType({ name: 'host.down', critical: true });
      await data.preferences.put({ userId: 'alice', eventType: 'host.down', channel: null, enabled: false });
      expect(await reasons('host.down')).toEqual([['email', 'pending', null]]);
    });

    it('needs an opt-in for a type that is disabled by default', async () => {
      await eventType({ name: 'job.succeeded', enabledByDefault: false });
      expect(await reasons('job.succeeded')).toEqual([['email', 'skipped', 'disabled_by_default']]);
      await data.preferences.put({
        userId: 'alice',
        eventType: 'job.succeeded',
        channel: 'email',
        enabled: true,
      });
      expect(await reasons('job.succeeded')).toEqual([['email', 'pending', null]]);
    });

    it('ignores opt-outs of the methods an admin forced', async () => {
      await eventType({
        name: 'security.alert',
        defaultMethods: ['email'],
        adminMethods: ['email', 'webhook'],
      });
      await data.preferences.put({
        userId: 'alice',
        eventType: 'security.alert',
        channel: null,
        enabled: false,
      });
      expect(await reasons('security.alert')).toEqual([
        ['email', 'pending', null],
        ['webhook', 'pending', null],
      ]);
    });
  });
});
