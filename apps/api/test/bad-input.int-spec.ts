import { expectErrorEnvelope, startTestApp, type TestApp } from './support/test-app.js';

describe('bad input to POST /v1/events', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });

  afterAll(async () => {
    await api?.close();
  });

  it.each([
    ['malformed JSON', { raw: '{"type": "job.failed",' }, 400, 'invalid_json'],
    ['a JSON scalar', { raw: '"job.failed"' }, 400, 'invalid_json'],
    ['an unknown field', { body: { type: 'job.failed', colour: 'red' } }, 400, 'validation_failed'],
    [
      'an unknown nested field',
      { body: { type: 'a', source: { kind: 'job', id: '1', x: 1 } } },
      400,
      'validation_failed',
    ],
    [
      'a wrong type',
      { body: { type: 'job.failed', recipients: 'ops@example.com' } },
      400,
      'validation_failed',
    ],
    ['a number as type', { body: { type: 42 } }, 400, 'validation_failed'],
    ['no type', { body: { data: { job: 'x' } } }, 400, 'validation_failed'],
    ['no body at all', {}, 400, 'validation_failed'],
    ['an array body', { body: [{ type: 'job.failed' }] }, 400, 'validation_failed'],
    ['an unknown channel', { body: { type: 'a', channels: ['carrier-pigeon'] } }, 400, 'validation_failed'],
    [
      'an empty Idempotency-Key',
      { body: { type: 'a' }, headers: { 'idempotency-key': ' ' } },
      400,
      'validation_failed',
    ],
  ])('refuses %s', async (_name, options, status, code) => {
    const response = await api.request('POST', '/v1/events', options);
    expectErrorEnvelope(response, status, code);
  });

  it('names the offending fields with their paths', async () => {
    const response = await api.request('POST', '/v1/events', {
      body: { type: 'job.failed', recipients: [{ email: 'ops@example.com' }, { email: 'not-an-address' }] },
    });
    expectErrorEnvelope(response, 400, 'validation_failed');
    expect(response.body.error.details).toEqual([
      { field: 'recipients.1.email', messages: ['email must be an email'] },
    ]);
  });

  it('refuses a 2 MB body with 413', async () => {
    const response = await api.request('POST', '/v1/events', {
      body: { type: 'job.failed', data: { log: 'x'.repeat(2 * 1024 * 1024) } },
    });
    expectErrorEnvelope(response, 413, 'payload_too_large');
  });

  it('honours HERALD_BODY_LIMIT: just under 1 MB is accepted', async () => {
    const response = await api.request('POST', '/v1/events', {
      body: { type: 'job.big', data: { log: 'x'.repeat(1000 * 1000) } },
    });
    expect(response.status).toBe(202);
  });

  it('wrote no notification for any refused request', async () => {
    const list = await api.request('GET', '/v1/notifications?limit=100');
    expect(list.status).toBe(200);
    // Only the one accepted just above.
    expect(list.body.items.map((item: { type: string }) => item.type)).toEqual(['job.big']);
  });

  it('answers unknown routes with 404 in the same envelope', async () => {
    expectErrorEnvelope(await api.request('GET', '/v1/nothing-here'), 404, 'not_found');
    expectErrorEnvelope(await api.request('DELETE', '/v1/events', { key: null }), 404, 'not_found');
  });

  it('answers a non-UUID notification id with 404, not 500', async () => {
    expectErrorEnvelope(await api.request('GET', '/v1/notifications/not-a-uuid'), 404, 'not_found');
  });
});
