import { hashApiKey } from '../src/auth/api-key-credentials.js';
import { expectErrorEnvelope, startTestApp, type TestApp } from './support/test-app.js';

const READ_KEY = 'test-read-key-0123456789';

describe('/v1/event-types', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
    await api.data.apiKeys.ensure('reader', hashApiKey(READ_KEY), ['read']);
  });

  afterAll(async () => {
    await api?.close();
  });

  const jobFailed = {
    templates: {
      default: { title: 'Job {{ data.job }} failed', body: 'Exit code **{{ data.exitCode }}**.' },
      email: { title: '[CI] {{ data.job }} failed', html: '<p>{{ data.job }} failed</p>' },
      webhook: { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*{{ data.job }}*' } }] },
    },
    defaultMethods: ['email', 'webhook'],
    group: 'jobs',
  };

  it('registers an event type with defaults for what is left out', async () => {
    const put = await api.request('PUT', '/v1/event-types/job.failed', { body: jobFailed });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({
      name: 'job.failed',
      group: 'jobs',
      templates: jobFailed.templates,
      defaultMethods: ['email', 'webhook'],
      adminMethods: null,
      methods: ['email', 'webhook'],
      enabledByDefault: true,
      critical: false,
      dedupeWindowSeconds: null,
    });
    expect((await api.request('GET', '/v1/event-types/job.failed', { key: READ_KEY })).body).toEqual(
      put.body,
    );

    const bare = await api.request('PUT', '/v1/event-types/workspace.deleted', { body: {} });
    expect(bare.body).toMatchObject({
      templates: {},
      defaultMethods: ['email'],
      group: null,
      critical: false,
    });
  });

  it('lists the event types by name', async () => {
    const list = await api.request('GET', '/v1/event-types', { key: READ_KEY });
    expect(list.status).toBe(200);
    expect(list.body.nextCursor).toBeNull();
    expect(list.body.items.map((item: { name: string }) => item.name)).toEqual([
      'job.failed',
      'workspace.deleted',
    ]);
  });

  it('replaces the definition on a second PUT', async () => {
    const put = await api.request('PUT', '/v1/event-types/workspace.deleted', {
      body: { critical: true, enabledByDefault: false, defaultMethods: ['webhook'] },
    });
    expect(put.body).toMatchObject({ critical: true, enabledByDefault: false, defaultMethods: ['webhook'] });
    const again = await api.request('PUT', '/v1/event-types/workspace.deleted', { body: {} });
    expect(again.body).toMatchObject({ critical: false, enabledByDefault: true, defaultMethods: ['email'] });
  });

  it('refuses templates that do not parse, naming the field, line and column', async () => {
    const bad = await api.request('PUT', '/v1/event-types/job.broken', {
      body: {
        templates: {
          email: { title: 'ok', body: 'Hello\n    {% if data.x %} never closed' },
          webhook: { blocks: [{ text: '{{ data.x | shout }}' }] },
        },
      },
    });
    expectErrorEnvelope(bad, 400, 'validation_failed');
    expect(bad.body.error.details).toEqual([
      { field: 'templates.email.body', messages: ['tag {% if data.x %} not closed (line 2, column 5)'] },
      { field: 'templates.webhook.blocks.0.text', messages: ['undefined filter: shout (line 1, column 1)'] },
    ]);
    expectErrorEnvelope(await api.request('GET', '/v1/event-types/job.broken'), 404, 'not_found');
  });

  it('refuses unknown channels, parts, methods and names with 400', async () => {
    const shape = await api.request('PUT', '/v1/event-types/x', {
      body: { templates: { pigeon: { title: 't' }, email: { subject: 's' } } },
    });
    expectErrorEnvelope(shape, 400, 'validation_failed');
    expect(shape.body.error.details.map((d: { field: string }) => d.field)).toEqual([
      'templates.pigeon',
      'templates.email.subject',
    ]);
    const methods = await api.request('PUT', '/v1/event-types/x', { body: { defaultMethods: ['pigeon'] } });
    expectErrorEnvelope(methods, 400, 'validation_failed');
    expect(methods.body.error.details[0].field).toBe('defaultMethods');
    const name = await api.request('PUT', '/v1/event-types/-bad', { body: {} });
    expectErrorEnvelope(name, 400, 'validation_failed');
    expect(name.body.error.details[0].field).toBe('name');
  });

  it('needs the admin scope to register and answers 404 for an unknown type', async () => {
    expectErrorEnvelope(
      await api.request('PUT', '/v1/event-types/job.failed', { body: jobFailed, key: READ_KEY }),
      403,
      'forbidden',
    );
    expectErrorEnvelope(await api.request('GET', '/v1/event-types/nope'), 404, 'not_found');
  });

  describe('preview', () => {
    it('renders every channel of the type with the sample data', async () => {
      const preview = await api.request('POST', '/v1/event-types/job.failed/preview', {
        key: READ_KEY,
        body: {
          data: { job: 'deploy <web>', exitCode: 2 },
          trigger: 'error',
          source: { kind: 'job_template', id: '42' },
          actions: [{ label: 'Open job', url: 'https://ci.example.com/jobs/42' }],
        },
      });
      expect(preview.status).toBe(200);
      expect(preview.body.errors).toEqual([]);
      expect(preview.body.channels.email).toEqual({
        title: '[CI] deploy <web> failed',
        markdown: 'Exit code **2**.',
        text: 'Exit code 2.',
        html: '<p>deploy &lt;web&gt; failed</p>',
      });
      expect(preview.body.channels.webhook).toEqual({
        title: 'Job deploy <web> failed',
        markdown: 'Exit code **2**.',
        text: 'Exit code 2.',
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*deploy <web>*' } }],
      });
    });

    it('reports a missing variable with its line instead of rendering that channel', async () => {
      await api.request('PUT', '/v1/event-types/deploy.done', {
        body: {
          defaultMethods: ['email', 'webhook'],
          templates: { email: { title: 'Deployed', body: 'Version\n{{ data.version }}' } },
        },
      });
      const preview = await api.request('POST', '/v1/event-types/deploy.done/preview', {
        body: { data: {} },
      });
      expect(preview.status).toBe(200);
      expect(preview.body.errors).toEqual([
        { channel: 'email', field: 'body', message: 'undefined variable: data.version', line: 2, column: 4 },
      ]);
      expect(Object.keys(preview.body.channels)).toEqual(['webhook']);
      // The webhook has no template of its own: the built-in one renders from the data.
      expect(preview.body.channels.webhook.title).toBe('Deploy done');
    });

    it('answers 404 for an unknown type and 400 for a bad sample', async () => {
      expectErrorEnvelope(
        await api.request('POST', '/v1/event-types/nope/preview', { body: {} }),
        404,
        'not_found',
      );
      const bad = await api.request('POST', '/v1/event-types/job.failed/preview', { body: { data: 'x' } });
      expectErrorEnvelope(bad, 400, 'validation_failed');
      expect(bad.body.error.details[0].field).toBe('data');
    });
  });
});

describe('/v1/admin/event-types/:name/methods', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
    await api.request('PUT', '/v1/event-types/job.failed', { body: { defaultMethods: ['email'] } });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('sets the methods, keeps them across a new definition, and gives them back with null', async () => {
    const set = await api.request('PUT', '/v1/admin/event-types/job.failed/methods', {
      body: { methods: ['email', 'webhook'] },
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      defaultMethods: ['email'],
      adminMethods: ['email', 'webhook'],
      methods: ['email', 'webhook'],
    });

    const redefined = await api.request('PUT', '/v1/event-types/job.failed', { body: { group: 'jobs' } });
    expect(redefined.body).toMatchObject({ adminMethods: ['email', 'webhook'], group: 'jobs' });

    const reset = await api.request('PUT', '/v1/admin/event-types/job.failed/methods', {
      body: { methods: null },
    });
    expect(reset.body).toMatchObject({ adminMethods: null, methods: ['email'] });
  });

  it('refuses an unknown channel or no methods field with 400, an unknown type with 404', async () => {
    const unknown = await api.request('PUT', '/v1/admin/event-types/job.failed/methods', {
      body: { methods: ['pigeon'] },
    });
    expectErrorEnvelope(unknown, 400, 'validation_failed');
    expect(unknown.body.error.details[0].field).toBe('methods');
    expectErrorEnvelope(
      await api.request('PUT', '/v1/admin/event-types/job.failed/methods', { body: {} }),
      400,
      'validation_failed',
    );
    expectErrorEnvelope(
      await api.request('PUT', '/v1/admin/event-types/nope/methods', { body: { methods: ['email'] } }),
      404,
      'not_found',
    );
  });
});
