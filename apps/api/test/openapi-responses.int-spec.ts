import { type ApiResponse, type RequestOptions, startTestApp, type TestApp } from './support/test-app.js';
import { type OpenApiDocument, ResponseChecker } from './support/openapi-check.js';
import { type Pipeline, startPipeline } from './support/pipeline.js';

// The response views are hand-written JSON schemas (view-schemas.ts): real answers of the running
// API are held against them here, closed to unknown fields, so neither side can drift alone.
describe('OpenAPI response schemas', () => {
  let api: TestApp;
  let pipeline: Pipeline;
  let checker: ResponseChecker;

  /** Requests `url` and checks the answer against the document's schema for `method template`. */
  async function documented(
    method: string,
    template: string,
    url: string,
    status: number,
    options?: RequestOptions,
  ): Promise<ApiResponse> {
    const response = await api.request(method, url, options);
    expect({ status: response.status, body: response.body }).toMatchObject({ status });
    expect(checker.problems(method, template, status, response.body)).toEqual([]);
    return response;
  }

  beforeAll(async () => {
    api = await startTestApp();
    pipeline = await startPipeline(api);
    const document: OpenApiDocument = (await api.request('GET', '/docs-json', { key: null })).body;
    checker = new ResponseChecker(document);
  });

  afterAll(async () => {
    await pipeline?.close();
    await api?.close();
  });

  it('a notification with its deliveries and attempts, and the list of notifications', async () => {
    const routed = await pipeline.post({ refuseFirst: true });
    await pipeline.until(routed.id, (view) => view.deliveries[0]?.attempts.length === 1, 'refused once');
    await documented('POST', '/v1/notifications/{id}/retry', `/v1/notifications/${routed.id}/retry`, 202);
    await pipeline.until(routed.id, (view) => view.deliveries[0]?.status === 'sent', 'sent on retry');

    const { body } = await documented('GET', '/v1/notifications/{id}', `/v1/notifications/${routed.id}`, 200);
    expect(body.deliveries[0].attempts.map((attempt: { outcome: string }) => attempt.outcome)).toEqual([
      'permanent',
      'sent',
    ]);
    const surprise = { ...body, deliveries: [{ ...body.deliveries[0], surprise: 1 }] };
    expect(checker.problems('GET', '/v1/notifications/{id}', 200, surprise)).not.toEqual([]);
    await documented('GET', '/v1/notifications', '/v1/notifications?limit=5', 200);
    await documented('POST', '/v1/notifications/{id}/cancel', `/v1/notifications/${routed.id}/cancel`, 200);
  });

  it('events and their errors: 202, 400 with details, 401, 404, 422', async () => {
    const event = { type: 'build.finished', idempotencyKey: 'openapi-1' };
    await documented('POST', '/v1/events', '/v1/events', 202, { body: event });
    await documented('POST', '/v1/events', '/v1/events', 422, { body: { ...event, data: { other: true } } });
    const invalid = await documented('POST', '/v1/events', '/v1/events', 400, {
      body: { type: 'build.finished', recipients: [{ email: 'nope' }] },
    });
    expect(invalid.body.error.details).toEqual([
      { field: 'recipients.0.email', messages: expect.any(Array) },
    ]);
    await documented('POST', '/v1/events', '/v1/events', 401, { body: event, key: 'not-a-key' });
    await documented('GET', '/v1/notifications/{id}', '/v1/notifications/nope', 404);
  });

  it('notifiers, resources and the admin status', async () => {
    await documented('GET', '/v1/notifiers', '/v1/notifiers', 200);
    await documented('GET', '/v1/notifiers/{name}', '/v1/notifiers/hook', 200);
    await documented('POST', '/v1/notifiers', '/v1/notifiers', 409, {
      body: { name: 'hook', type: 'webhook', config: { url: 'http://127.0.0.1:9/other' } },
    });
    await documented('POST', '/v1/notifiers/{name}/test', '/v1/notifiers/hook/test', 202);

    await documented('PUT', '/v1/resources/{kind}/{id}', '/v1/resources/project/web', 200, {
      body: { name: 'Web', parent: { kind: 'deployment', id: 'default' } },
    });
    await documented('GET', '/v1/resources', '/v1/resources', 200);
    const attachments = '/v1/resources/{kind}/{id}/notifiers';
    await documented('GET', attachments, '/v1/resources/deployment/default/notifiers', 200);
    const effective = await documented(
      'GET',
      attachments,
      '/v1/resources/project/web/notifiers?effective=true',
      200,
    );
    expect(effective.body.items).toEqual([
      { notifier: 'hook', triggers: ['any'], inheritedFrom: { kind: 'deployment', id: 'default' } },
    ]);

    await documented('GET', '/v1/admin/status', '/v1/admin/status', 200);
    await documented('POST', '/v1/admin/channels/{channel}/pause', '/v1/admin/channels/nope/pause', 404);
  });

  it('users, preferences, inbox and event types', async () => {
    await documented('PUT', '/v1/users/{id}', '/v1/users/u-1', 200, {
      body: { email: 'ada@example.com', addresses: { slack: 'U1' } },
    });
    await documented('GET', '/v1/users', '/v1/users', 200);
    await documented('PUT', '/v1/event-types/{name}', '/v1/event-types/build.finished', 200, {
      body: { templates: { default: { title: 'Build {{ data.job }}' } }, dedupeWindowSeconds: 60 },
    });
    await documented('GET', '/v1/event-types', '/v1/event-types', 200);
    await documented(
      'POST',
      '/v1/event-types/{name}/preview',
      '/v1/event-types/build.finished/preview',
      200,
      {
        body: { data: { job: 'web' } },
      },
    );
    await documented('PUT', '/v1/users/{id}/preferences', '/v1/users/u-1/preferences', 200, {
      body: { eventType: 'build.finished', channel: 'email', enabled: false },
    });
    await documented('GET', '/v1/users/{id}/preferences', '/v1/users/u-1/preferences', 200);
    await documented('GET', '/v1/users/{id}/inbox', '/v1/users/u-1/inbox', 200);
  });

  it('API keys, and the 429 of the ingest rate limit', async () => {
    const created = await documented('POST', '/v1/admin/api-keys', '/v1/admin/api-keys', 201, {
      body: { name: 'openapi-ci', scopes: ['events:write'], rateLimitPerMinute: 1 },
    });
    await documented('GET', '/v1/admin/api-keys', '/v1/admin/api-keys', 200);
    await documented('GET', '/v1/admin/api-keys/{id}', `/v1/admin/api-keys/${created.body.id}`, 200);
    const send = { body: { type: 'build.finished' }, key: created.body.key };
    await documented('POST', '/v1/events', '/v1/events', 202, send);
    await documented('POST', '/v1/events', '/v1/events', 429, send);
  });

  it('health probes', async () => {
    await documented('GET', '/health/live', '/health/live', 200, { key: null });
    await documented('GET', '/health/ready', '/health/ready', 200, { key: null });
  });

  it('the checker refuses an answer that does not match', () => {
    expect(checker.problems('GET', '/v1/admin/status', 200, { paused: 'no' })).not.toEqual([]);
    expect(
      checker.problems('GET', '/v1/notifications/{id}', 404, {
        error: { code: 'not_found', message: 'x' },
        extra: 1,
      }),
    ).not.toEqual([]);
  });
});
