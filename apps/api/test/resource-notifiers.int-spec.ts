import { hashApiKey } from '../src/auth/api-key-credentials.js';
import { expectErrorEnvelope, startTestApp, type TestApp } from './support/test-app.js';

const READ_KEY = 'test-read-key-0123456789';

describe('resource notifiers: effective set, detach, delete', () => {
  let api: TestApp;

  const attach = async (path: string, notifier: string, triggers: string[]) => {
    const response = await api.request('POST', `/v1/resources/${path}/notifiers`, {
      body: { notifier, triggers },
    });
    expect(response.status).toBe(201);
  };
  const effective = async (path: string) => {
    const response = await api.request('GET', `/v1/resources/${path}/notifiers?effective=true`);
    expect(response.status).toBe(200);
    expect(response.body.nextCursor).toBeNull();
    return response.body.items;
  };

  beforeAll(async () => {
    api = await startTestApp();
    for (const name of ['org_hook', 'project_hook', 'job_hook', 'default_hook', 'shared_hook']) {
      const created = await api.request('POST', '/v1/notifiers', {
        body: { name, type: 'webhook', config: { url: `https://hooks.example.com/${name}` } },
      });
      expect(created.status).toBe(201);
    }
    // organization/acme > project/web > job_template/42, and a lone project/api.
    await api.request('PUT', '/v1/resources/project/web', {
      body: { parent: { kind: 'organization', id: 'acme' } },
    });
    await api.request('PUT', '/v1/resources/job_template/42', {
      body: { parent: { kind: 'project', id: 'web' } },
    });
    await api.request('PUT', '/v1/resources/project/api', { body: {} });
    await attach('organization/acme', 'org_hook', ['any']);
    await attach('organization/acme', 'shared_hook', ['success']);
    await attach('project/web', 'project_hook', ['error', 'github.*']);
    await attach('project/web', 'shared_hook', ['error']);
    await attach('job_template/42', 'job_hook', ['started']);
    await attach('deployment/default', 'default_hook', ['any']);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('unions three levels, nearest first, each notifier once with where it comes from', async () => {
    expect(await effective('job_template/42')).toEqual([
      { notifier: 'job_hook', triggers: ['started'], inheritedFrom: null },
      {
        notifier: 'project_hook',
        triggers: ['error', 'github.*'],
        inheritedFrom: { kind: 'project', id: 'web' },
      },
      // Attached at both levels: the nearer attachment wins.
      { notifier: 'shared_hook', triggers: ['error'], inheritedFrom: { kind: 'project', id: 'web' } },
      { notifier: 'org_hook', triggers: ['any'], inheritedFrom: { kind: 'organization', id: 'acme' } },
    ]);
  });

  it('keeps the direct list without effective=true', async () => {
    const direct = await api.request('GET', '/v1/resources/job_template/42/notifiers');
    expect(direct.body).toEqual({
      items: [{ notifier: 'job_hook', triggers: ['started'] }],
      nextCursor: null,
    });
    const explicit = await api.request('GET', '/v1/resources/job_template/42/notifiers?effective=false');
    expect(explicit.body).toEqual(direct.body);
  });

  it('stops at a resource with inheritNotifiers false', async () => {
    await api.request('PUT', '/v1/resources/project/web', {
      body: { parent: { kind: 'organization', id: 'acme' }, inheritNotifiers: false },
    });
    expect((await effective('job_template/42')).map((item: { notifier: string }) => item.notifier)).toEqual([
      'job_hook',
      'project_hook',
      'shared_hook',
    ]);
    await api.request('PUT', '/v1/resources/project/web', { body: { inheritNotifiers: true } });
  });

  it('falls back to the deployment defaults only when nothing is attached up the chain', async () => {
    expect(await effective('project/api')).toEqual([
      {
        notifier: 'default_hook',
        triggers: ['any'],
        inheritedFrom: { kind: 'deployment', id: 'default' },
        viaDefaults: true,
      },
    ]);
    expect(
      (await effective('job_template/42')).some(
        (item: { notifier: string }) => item.notifier === 'default_hook',
      ),
    ).toBe(false);
    // The deployment's own attachments are attached here, not defaults, when asked about itself.
    expect(await effective('deployment/default')).toEqual([
      { notifier: 'default_hook', triggers: ['any'], inheritedFrom: null },
    ]);
  });

  it('answers 404 for the effective set of an unknown resource and 400 for a bad flag', async () => {
    expectErrorEnvelope(
      await api.request('GET', '/v1/resources/project/nope/notifiers?effective=true'),
      404,
      'not_found',
    );
    const bad = await api.request('GET', '/v1/resources/project/web/notifiers?effective=yes');
    expectErrorEnvelope(bad, 400, 'validation_failed');
    expect(bad.body.error.details[0].field).toBe('effective');
  });

  it('detaches a notifier, then answers 404 for it', async () => {
    const detached = await api.request('DELETE', '/v1/resources/project/web/notifiers/shared_hook');
    expect(detached.status).toBe(204);
    expect(detached.body).toBeUndefined();
    expect(
      (await effective('job_template/42')).find(
        (item: { notifier: string }) => item.notifier === 'shared_hook',
      ),
    ).toEqual({
      notifier: 'shared_hook',
      triggers: ['success'],
      inheritedFrom: { kind: 'organization', id: 'acme' },
    });
    expectErrorEnvelope(
      await api.request('DELETE', '/v1/resources/project/web/notifiers/shared_hook'),
      404,
      'not_found',
    );
    expectErrorEnvelope(
      await api.request('DELETE', '/v1/resources/project/web/notifiers/ghost'),
      404,
      'not_found',
    );
    expectErrorEnvelope(
      await api.request('DELETE', '/v1/resources/project/nope/notifiers/org_hook'),
      404,
      'not_found',
    );
    const bad = await api.request('DELETE', '/v1/resources/project/web/notifiers/Bad%20Name');
    expectErrorEnvelope(bad, 400, 'validation_failed');
  });

  it('deletes a resource with its attachments; its children stay, as roots', async () => {
    const deleted = await api.request('DELETE', '/v1/resources/project/web');
    expect(deleted.status).toBe(204);
    expectErrorEnvelope(await api.request('GET', '/v1/resources/project/web'), 404, 'not_found');
    expect((await api.request('GET', '/v1/resources/job_template/42')).body).toMatchObject({ parent: null });
    expect((await effective('job_template/42')).map((item: { notifier: string }) => item.notifier)).toEqual([
      'job_hook',
    ]);
    expectErrorEnvelope(await api.request('DELETE', '/v1/resources/project/web'), 404, 'not_found');
  });

  it('needs the admin scope to detach or delete', async () => {
    await api.data.apiKeys.ensure('reader', hashApiKey(READ_KEY), ['read']);
    const asReader = { key: READ_KEY };
    expect(
      (await api.request('GET', '/v1/resources/job_template/42/notifiers?effective=true', asReader)).status,
    ).toBe(200);
    expectErrorEnvelope(
      await api.request('DELETE', '/v1/resources/job_template/42/notifiers/job_hook', asReader),
      403,
      'forbidden',
    );
    expectErrorEnvelope(
      await api.request('DELETE', '/v1/resources/job_template/42', asReader),
      403,
      'forbidden',
    );
    expect((await api.request('GET', '/v1/resources/job_template/42/notifiers')).body.items).toHaveLength(1);
  });
});
