import { Validator } from '@seriousme/openapi-schema-validator';
import { type OpenApiDocument, registeredRoutes } from './support/openapi-check.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** The table of DESIGN.md's public contract, in OpenAPI's path form. */
const CONTRACT_ROUTES = [
  'POST /v1/events',
  'GET /v1/notifications/{id}',
  'GET /v1/notifications',
  'POST /v1/notifications/{id}/cancel',
  'POST /v1/notifiers',
  'GET /v1/notifiers',
  'GET /v1/notifiers/{name}',
  'PATCH /v1/notifiers/{name}',
  'DELETE /v1/notifiers/{name}',
  'POST /v1/notifiers/{name}/test',
  'PUT /v1/resources/{kind}/{id}',
  'GET /v1/resources/{kind}/{id}',
  'DELETE /v1/resources/{kind}/{id}',
  'POST /v1/resources/{kind}/{id}/notifiers',
  'GET /v1/resources/{kind}/{id}/notifiers',
  'DELETE /v1/resources/{kind}/{id}/notifiers/{name}',
  'PUT /v1/users/{id}',
  'GET /v1/users/{id}',
  'DELETE /v1/users/{id}',
  'GET /v1/users/{id}/preferences',
  'PUT /v1/users/{id}/preferences',
  'PUT /v1/event-types/{name}',
  'GET /v1/event-types',
  'GET /v1/event-types/{name}',
  'POST /v1/event-types/{name}/preview',
  'PUT /v1/admin/event-types/{name}/methods',
  'POST /v1/admin/pause',
  'POST /v1/admin/resume',
  'POST /v1/admin/channels/{channel}/pause',
  'POST /v1/admin/channels/{channel}/resume',
  'GET /v1/admin/status',
  'GET /v1/users/{id}/inbox',
  'POST /v1/users/{id}/inbox/{itemId}/read',
  'GET /v1/users/{id}/inbox/stream',
  'POST /v1/hooks/{provider}/{account}',
  'POST /v1/admin/hook-sources',
  'GET /health/live',
  'GET /health/ready',
  'GET /metrics',
];

// Parameter names may differ from the table's (`:id` of an inbox item is `{itemId}`): compare shapes.
const shape = (route: string) => route.replace(/\{[^}]+\}/g, '{}');
const ERROR_ENVELOPE = '#/components/schemas/ErrorEnvelope';

describe('OpenAPI document', () => {
  let api: TestApp;
  let document: OpenApiDocument;
  let documented: Set<string>;
  let registered: string[];

  beforeAll(async () => {
    api = await startTestApp();
    const response = await api.request('GET', '/docs-json', { key: null });
    expect(response.status).toBe(200);
    document = response.body;
    documented = new Set(
      Object.entries(document.paths).flatMap(([path, item]) =>
        Object.keys(item as object).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    registered = registeredRoutes(api.app)
      .filter(({ path }) => !path.startsWith('/docs'))
      .map(({ method, path }) => `${method.toUpperCase()} ${path}`);
  });

  afterAll(() => api?.close());

  it('is served without a key and is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it('lists every route the app registers, and nothing else', () => {
    expect(registered.length).toBeGreaterThan(40);
    expect([...registered].sort()).toEqual([...documented].sort());
  });

  it("lists every route of the contract's table the app has today", () => {
    const present = new Set(registered.map(shape));
    const expected = CONTRACT_ROUTES.filter((route) => present.has(shape(route)));
    // The core of the contract is there today; routes still to come are checked once they exist.
    expect(expected.length).toBeGreaterThanOrEqual(35);
    const missing = expected.filter((route) => ![...documented].some((doc) => shape(doc) === shape(route)));
    expect(missing).toEqual([]);
  });

  it('describes each operation: summary, parameters, success schema, auth and errors', () => {
    const problems: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item as Record<string, OpenApiDocument>)) {
        const where = `${method.toUpperCase()} ${path}`;
        if (!operation.summary) problems.push(`${where}: no summary`);
        for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
          const declared = operation.parameters?.some(
            (p: OpenApiDocument) => p.in === 'path' && p.name === name,
          );
          if (!declared) problems.push(`${where}: path parameter ${name} not declared`);
        }
        const statuses = Object.keys(operation.responses);
        const success = statuses.filter((status) => status.startsWith('2'));
        if (success.length === 0) problems.push(`${where}: no success answer`);
        for (const status of success.filter((s) => s !== '204')) {
          if (!operation.responses[status].content) problems.push(`${where}: ${status} has no schema`);
        }
        for (const status of statuses.filter((s) => /^[45]/.test(s))) {
          const schema = operation.responses[status].content?.['application/json']?.schema;
          if (schema?.$ref !== ERROR_ENVELOPE && path !== '/health/ready') {
            problems.push(`${where}: ${status} is not the error envelope`);
          }
        }
        const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
        if (path.startsWith('/v1/') && !isPublic) {
          if (!statuses.includes('401') || !statuses.includes('403')) problems.push(`${where}: no 401/403`);
          if (!/scope/.test(operation.description ?? '')) problems.push(`${where}: scope not described`);
        }
        if (operation.requestBody && !statuses.includes('400')) problems.push(`${where}: body but no 400`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('offers both ways of sending an API key', () => {
    expect(document.components.securitySchemes).toMatchObject({
      apiKey: { type: 'http', scheme: 'bearer' },
      appId: { type: 'apiKey', in: 'header', name: 'X-App-Id' },
      appSecret: { type: 'apiKey', in: 'header', name: 'X-App-Secret' },
    });
    expect(document.paths['/v1/notifications/{id}'].get).toMatchObject({
      security: [{ apiKey: [] }, { appId: [], appSecret: [] }],
      'x-herald-scope': 'read',
    });
    expect(document.paths['/health/live'].get.security).toEqual([]);
  });

  it('takes request schemas from the class-validator DTOs of @herald/contracts', () => {
    const schemas = document.components.schemas;
    expect(document.paths['/v1/events'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/CreateEventDto',
    });
    expect(schemas.CreateEventDto).toMatchObject({
      required: ['type'],
      properties: {
        type: { pattern: '^[a-z0-9][a-z0-9_.-]{0,127}$' },
        recipients: {
          type: ['array', 'null'],
          maxItems: 1000,
          items: { $ref: '#/components/schemas/RecipientDto' },
        },
      },
    });
    // `null` clears these on PATCH; `default` must not be null.
    expect(schemas.UpdateNotifierDto.properties.description.type).toEqual(['string', 'null']);
    expect(schemas.UpdateNotifierDto.properties.default.type).toBe('boolean');
    expect(schemas.CreateNotifierDto.allOf).toContainEqual({
      if: { properties: { type: { const: 'email' } }, required: ['type'] },
      then: { properties: { config: { $ref: '#/components/schemas/EmailConfigDto' } } },
    });
    expect(schemas.EmailConfigDto.required).toEqual(expect.arrayContaining(['host', 'from']));
  });

  it('serves the UI at /docs without a key', async () => {
    const response = await fetch(`${api.baseUrl}/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('swagger-ui');
  });

  it('keeps every /v1 route behind the API key', async () => {
    const response = await api.request('GET', '/v1/notifications', { key: null });
    expect(response.status).toBe(401);
  });
});
