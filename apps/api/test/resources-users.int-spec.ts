import { expectErrorEnvelope, startTestApp, type TestApp } from './support/test-app.js';

describe('/v1/resources', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
    const hook = await api.request('POST', '/v1/notifiers', {
      body: { name: 'ops_hook', type: 'webhook', config: { url: 'https://hooks.example.com/ops' } },
    });
    expect(hook.status).toBe(201);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('puts a resource under a parent, creating the parent bare', async () => {
    const put = await api.request('PUT', '/v1/resources/project/web', {
      body: { name: 'Web', parent: { kind: 'organization', id: 'acme' }, inheritNotifiers: false },
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({
      kind: 'project',
      id: 'web',
      name: 'Web',
      parent: { kind: 'organization', id: 'acme' },
      inheritNotifiers: false,
    });
    expect((await api.request('GET', '/v1/resources/project/web')).body).toEqual(put.body);
    expect((await api.request('GET', '/v1/resources/organization/acme')).body).toMatchObject({
      name: null,
      parent: null,
      inheritNotifiers: true,
    });
  });

  it('answers 404 for an unknown resource and 400 for a bad kind', async () => {
    expectErrorEnvelope(await api.request('GET', '/v1/resources/project/nope'), 404, 'not_found');
    const bad = await api.request('PUT', '/v1/resources/pro%20ject/web', { body: {} });
    expectErrorEnvelope(bad, 400, 'validation_failed');
    expect(bad.body.error.details[0].field).toBe('kind');
  });

  it('refuses a parent that would make a cycle', async () => {
    const cycle = await api.request('PUT', '/v1/resources/organization/acme', {
      body: { parent: { kind: 'project', id: 'web' } },
    });
    expectErrorEnvelope(cycle, 409, 'conflict');
  });

  it('attaches a notifier and lists the attachments', async () => {
    const attach = await api.request('POST', '/v1/resources/project/web/notifiers', {
      body: { notifier: 'ops_hook', triggers: ['error', 'github.*'] },
    });
    expect(attach.status).toBe(201);
    expect(attach.body).toEqual({ notifier: 'ops_hook', triggers: ['error', 'github.*'] });

    const list = await api.request('GET', '/v1/resources/project/web/notifiers');
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      items: [{ notifier: 'ops_hook', triggers: ['error', 'github.*'] }],
      nextCursor: null,
    });
  });

  it('refuses an unknown notifier with 404 and bad triggers with 400', async () => {
    const unknown = await api.request('POST', '/v1/resources/project/web/notifiers', {
      body: { notifier: 'ghost', triggers: ['error'] },
    });
    expectErrorEnvelope(unknown, 404, 'not_found');
    const noTriggers = await api.request('POST', '/v1/resources/project/web/notifiers', {
      body: { notifier: 'ops_hook', triggers: [] },
    });
    expectErrorEnvelope(noTriggers, 400, 'validation_failed');
    expectErrorEnvelope(await api.request('GET', '/v1/resources/project/nope/notifiers'), 404, 'not_found');
  });
});

describe('/v1/users', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('puts and gets a profile', async () => {
    const profile = {
      email: 'ada@example.com',
      name: 'Ada',
      username: 'ada',
      phone: '+14155550100',
      addresses: { slack: 'U024BE7LH' },
      timezone: 'Europe/London',
    };
    const put = await api.request('PUT', '/v1/users/u-1', { body: profile });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ id: 'u-1', ...profile });
    expect((await api.request('GET', '/v1/users/u-1')).body).toEqual({ id: 'u-1', ...profile });
  });

  it('replaces the whole profile on PUT', async () => {
    const put = await api.request('PUT', '/v1/users/u-1', { body: { email: 'ada@example.org' } });
    expect(put.body).toEqual({
      id: 'u-1',
      email: 'ada@example.org',
      name: null,
      username: null,
      phone: null,
      addresses: {},
      timezone: null,
    });
  });

  it('answers 404 for an unknown user and 400 for a bad profile', async () => {
    expectErrorEnvelope(await api.request('GET', '/v1/users/nobody'), 404, 'not_found');
    const bad = await api.request('PUT', '/v1/users/u-2', { body: { phone: '555-0100', pager: 'x' } });
    expectErrorEnvelope(bad, 400, 'validation_failed');
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['pager', 'phone']);
    expectErrorEnvelope(await api.request('GET', '/v1/users/u-2'), 404, 'not_found');
  });
});
