import { expectErrorEnvelope, startTestApp, type TestApp } from './support/test-app.js';

describe('/v1/users/:id/preferences', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
    await api.request('PUT', '/v1/users/u-1', { body: { email: 'ada@example.com' } });
    const types = {
      'job.failed': { defaultMethods: ['email', 'webhook'], group: 'jobs' },
      'security.alert': { defaultMethods: ['email'], critical: true },
      'weekly.digest': { defaultMethods: ['email'], enabledByDefault: false },
    };
    for (const [name, body] of Object.entries(types)) {
      expect((await api.request('PUT', `/v1/event-types/${name}`, { body })).status).toBe(200);
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  const itemOf = async (eventType: string) =>
    (await api.request('GET', '/v1/users/u-1/preferences')).body.items.find(
      (item: { eventType: string }) => item.eventType === eventType,
    );

  it('lists every event type with its effective state per method', async () => {
    const list = await api.request('GET', '/v1/users/u-1/preferences');
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      items: [
        {
          eventType: 'job.failed',
          group: 'jobs',
          critical: false,
          enabledByDefault: true,
          channels: {
            email: { enabled: true, reason: 'default_on' },
            webhook: { enabled: true, reason: 'default_on' },
          },
        },
        {
          eventType: 'security.alert',
          group: null,
          critical: true,
          enabledByDefault: true,
          channels: { email: { enabled: true, reason: 'critical' } },
        },
        {
          eventType: 'weekly.digest',
          group: null,
          critical: false,
          enabledByDefault: false,
          channels: { email: { enabled: false, reason: 'disabled_by_default' } },
        },
      ],
      nextCursor: null,
    });
  });

  it('opts out of every channel, then back in on one: the channel-specific choice wins', async () => {
    const out = await api.request('PUT', '/v1/users/u-1/preferences', {
      body: { eventType: 'job.failed', enabled: false },
    });
    expect(out.status).toBe(200);
    expect(out.body.channels).toEqual({
      email: { enabled: false, reason: 'opted_out' },
      webhook: { enabled: false, reason: 'opted_out' },
    });
    const back = await api.request('PUT', '/v1/users/u-1/preferences', {
      body: { eventType: 'job.failed', channel: 'webhook', enabled: true },
    });
    expect(back.body.channels).toEqual({
      email: { enabled: false, reason: 'opted_out' },
      webhook: { enabled: true, reason: 'opted_in' },
    });
    expect((await itemOf('job.failed')).channels).toEqual(back.body.channels);
  });

  it('cannot opt out of a critical type', async () => {
    const put = await api.request('PUT', '/v1/users/u-1/preferences', {
      body: { eventType: 'security.alert', channel: 'email', enabled: false },
    });
    expect(put.body.channels).toEqual({ email: { enabled: true, reason: 'critical' } });
  });

  it('opts in to a type that is off by default', async () => {
    const put = await api.request('PUT', '/v1/users/u-1/preferences', {
      body: { eventType: 'weekly.digest', channel: null, enabled: true },
    });
    expect(put.body.channels).toEqual({ email: { enabled: true, reason: 'opted_in' } });
  });

  it('shows the admin methods, and an admin-forced method ignores the opt-out', async () => {
    await api.request('PUT', '/v1/admin/event-types/job.failed/methods', { body: { methods: ['email'] } });
    expect((await itemOf('job.failed')).channels).toEqual({
      email: { enabled: true, reason: 'admin_forced' },
    });
    await api.request('PUT', '/v1/admin/event-types/job.failed/methods', { body: { methods: null } });
    expect((await itemOf('job.failed')).channels.email).toEqual({ enabled: false, reason: 'opted_out' });
  });

  it('answers 404 for an unknown user or event type', async () => {
    expectErrorEnvelope(await api.request('GET', '/v1/users/nobody/preferences'), 404, 'not_found');
    expectErrorEnvelope(
      await api.request('PUT', '/v1/users/nobody/preferences', {
        body: { eventType: 'job.failed', enabled: false },
      }),
      404,
      'not_found',
    );
    expectErrorEnvelope(
      await api.request('PUT', '/v1/users/u-1/preferences', {
        body: { eventType: 'no.such', enabled: false },
      }),
      404,
      'not_found',
    );
  });

  it('answers 400 for an unknown channel or a missing enabled', async () => {
    const channel = await api.request('PUT', '/v1/users/u-1/preferences', {
      body: { eventType: 'job.failed', channel: 'pigeon', enabled: false },
    });
    expectErrorEnvelope(channel, 400, 'validation_failed');
    expect(channel.body.error.details[0].field).toBe('channel');
    const enabled = await api.request('PUT', '/v1/users/u-1/preferences', {
      body: { eventType: 'job.failed' },
    });
    expectErrorEnvelope(enabled, 400, 'validation_failed');
    expect(enabled.body.error.details[0].field).toBe('enabled');
  });

  it('goes away with the user', async () => {
    expect((await api.request('DELETE', '/v1/users/u-1')).status).toBe(204);
    expect(await api.data.preferences.forUser('u-1')).toEqual([]);
    expectErrorEnvelope(await api.request('GET', '/v1/users/u-1/preferences'), 404, 'not_found');
  });
});
