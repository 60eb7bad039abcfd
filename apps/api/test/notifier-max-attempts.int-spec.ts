import { expectErrorEnvelope, startTestApp, type TestApp } from './support/test-app.js';

const HOOK = { type: 'webhook', config: { url: 'https://hooks.example.com/herald' } };

describe('maxAttempts of a notifier', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('is null (the deployment default) unless given', async () => {
    const created = await api.request('POST', '/v1/notifiers', { body: { name: 'plain', ...HOOK } });
    expect(created.status).toBe(201);
    expect(created.body.maxAttempts).toBeNull();
  });

  it('is stored on create, changed and cleared by PATCH, and shown by GET', async () => {
    const created = await api.request('POST', '/v1/notifiers', {
      body: { name: 'patient', ...HOOK, maxAttempts: 12 },
    });
    expect(created.status).toBe(201);
    expect(created.body.maxAttempts).toBe(12);
    expect((await api.data.notifiers.findByName('patient'))?.maxAttempts).toBe(12);

    const changed = await api.request('PATCH', '/v1/notifiers/patient', { body: { maxAttempts: 100 } });
    expect(changed.status).toBe(200);
    expect(changed.body.maxAttempts).toBe(100);

    // A PATCH without it leaves it alone.
    await api.request('PATCH', '/v1/notifiers/patient', { body: { description: 'retries a lot' } });
    expect((await api.request('GET', '/v1/notifiers/patient')).body.maxAttempts).toBe(100);

    const cleared = await api.request('PATCH', '/v1/notifiers/patient', { body: { maxAttempts: null } });
    expect(cleared.body.maxAttempts).toBeNull();
    expect(
      (await api.request('GET', '/v1/notifiers')).body.items.map(
        (n: { name: string; maxAttempts: number | null }) => [n.name, n.maxAttempts],
      ),
    ).toEqual([
      ['patient', null],
      ['plain', null],
    ]);
  });

  it.each([0, 101, 2.5, '5'])('refuses %p with a 400 naming maxAttempts', async (maxAttempts) => {
    const created = await api.request('POST', '/v1/notifiers', {
      body: { name: 'bad', ...HOOK, maxAttempts },
    });
    expectErrorEnvelope(created, 400, 'validation_failed');
    expect(created.body.error.details.map((d: { field: string }) => d.field)).toEqual(['maxAttempts']);

    const patched = await api.request('PATCH', '/v1/notifiers/plain', { body: { maxAttempts } });
    expectErrorEnvelope(patched, 400, 'validation_failed');
    expect(patched.body.error.details.map((d: { field: string }) => d.field)).toEqual(['maxAttempts']);
  });
});
