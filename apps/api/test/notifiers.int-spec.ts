import { hashApiKey } from '../src/auth/api-key-credentials.js';
import { expectErrorEnvelope, startTestApp, type TestApp } from './support/test-app.js';

const SMTP = {
  host: 'smtp.example.com',
  port: 587,
  security: 'starttls',
  username: 'herald',
  password: 'smtp-password',
  from: 'herald@example.com',
};

describe('/v1/notifiers', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });

  afterAll(async () => {
    await api?.close();
  });

  /** The `config` column as Postgres holds it, read past the repository (which would decrypt it). */
  async function storedConfig(name: string): Promise<Record<string, unknown>> {
    const rows = await api.data.transaction((tx) =>
      tx.query('SELECT config FROM notifiers WHERE name = $1', [name]),
    );
    return rows[0].config;
  }

  it('creates a notifier, stores its secrets encrypted and masks them in the answer', async () => {
    const response = await api.request('POST', '/v1/notifiers', {
      body: { name: 'smtp_main', type: 'email', description: 'Main relay', default: true, config: SMTP },
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      name: 'smtp_main',
      type: 'email',
      description: 'Main relay',
      default: true,
      fallback: null,
      config: { ...SMTP, password: '$encrypted$' },
      messages: null,
      maxAttempts: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const column = await storedConfig('smtp_main');
    expect(column).toEqual({ ...SMTP, password: expect.stringMatching(/^enc:v1:[0-9a-f]{8}:/) });
    expect(JSON.stringify(column)).not.toContain('smtp-password');
    expect((await api.data.notifiers.findByName('smtp_main'))?.config.password).toBe('smtp-password');
  });

  it('masks secrets when listing and getting', async () => {
    const hook = await api.request('POST', '/v1/notifiers', {
      body: {
        name: 'ops_hook',
        type: 'webhook',
        fallback: 'smtp_main',
        config: { url: 'https://hooks.example.com/herald', secret: 'hmac-key', bearerToken: 'token' },
        messages: { test: { title: 'Testing {{ title }}' }, default: { body: '{{ message }}' } },
      },
    });
    expect(hook.status).toBe(201);
    expect(hook.body.fallback).toBe('smtp_main');
    expect(hook.body.messages).toEqual({
      test: { title: 'Testing {{ title }}' },
      default: { body: '{{ message }}' },
    });

    const list = await api.request('GET', '/v1/notifiers');
    expect(list.status).toBe(200);
    expect(list.body.nextCursor).toBeNull();
    expect(list.body.items.map((n: { name: string }) => n.name)).toEqual(['ops_hook', 'smtp_main']);
    expect(list.body.items[0].config).toEqual({
      url: 'https://hooks.example.com/herald',
      secret: '$encrypted$',
      bearerToken: '$encrypted$',
    });

    const one = await api.request('GET', '/v1/notifiers/smtp_main');
    expect(one.status).toBe(200);
    expect(one.body.config.password).toBe('$encrypted$');
    expect(JSON.stringify([list.body, one.body])).not.toMatch(/smtp-password|hmac-key|"token"/);
  });

  it('answers 404 for an unknown name', async () => {
    expectErrorEnvelope(await api.request('GET', '/v1/notifiers/nobody'), 404, 'not_found');
    expectErrorEnvelope(await api.request('PATCH', '/v1/notifiers/nobody', { body: {} }), 404, 'not_found');
    expectErrorEnvelope(await api.request('DELETE', '/v1/notifiers/nobody'), 404, 'not_found');
    expectErrorEnvelope(await api.request('POST', '/v1/notifiers/nobody/test'), 404, 'not_found');
  });

  it('names the config fields that are wrong', async () => {
    const response = await api.request('POST', '/v1/notifiers', {
      body: { name: 'broken', type: 'email', config: { ...SMTP, port: 'submission', from: undefined } },
    });
    expectErrorEnvelope(response, 400, 'validation_failed');
    expect(response.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'config.from',
      'config.port',
    ]);
  });

  it('refuses unknown channels, unknown config fields, bad messages and a fallback that does not exist', async () => {
    const unknownType = await api.request('POST', '/v1/notifiers', {
      body: { name: 'pigeon', type: 'carrier-pigeon', config: {} },
    });
    expectErrorEnvelope(unknownType, 400, 'validation_failed');
    expect(unknownType.body.error.details[0].field).toBe('type');

    const unknownField = await api.request('POST', '/v1/notifiers', {
      body: { name: 'hook2', type: 'webhook', config: { url: 'https://example.com', colour: 'red' } },
    });
    expect(unknownField.body.error.details).toEqual([
      { field: 'config.colour', messages: ['property colour should not exist'] },
    ]);

    const badMessages = await api.request('POST', '/v1/notifiers', {
      body: {
        name: 'hook2',
        type: 'webhook',
        config: { url: 'https://example.com' },
        messages: { failure: {} },
      },
    });
    expectErrorEnvelope(badMessages, 400, 'validation_failed');
    expect(badMessages.body.error.details[0].field).toBe('messages.failure');

    const fallback = await api.request('POST', '/v1/notifiers', {
      body: { name: 'hook3', type: 'webhook', fallback: 'ghost', config: { url: 'https://example.com' } },
    });
    expectErrorEnvelope(fallback, 400, 'validation_failed');
    expect(fallback.body.error.details[0].field).toBe('fallback');
    expect((await api.request('GET', '/v1/notifiers/hook3')).status).toBe(404);
  });

  it('refuses $encrypted$ as the secret of a new notifier', async () => {
    const response = await api.request('POST', '/v1/notifiers', {
      body: { name: 'pasted', type: 'email', config: { ...SMTP, password: '$encrypted$' } },
    });
    expectErrorEnvelope(response, 400, 'validation_failed');
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toEqual(['config.password']);
  });

  it('answers 409 for a name already taken', async () => {
    const again = await api.request('POST', '/v1/notifiers', {
      body: { name: 'smtp_main', type: 'email', config: SMTP },
    });
    expectErrorEnvelope(again, 409, 'conflict');
  });

  it('lets a new default take the channel over', async () => {
    const second = await api.request('POST', '/v1/notifiers', {
      body: { name: 'smtp_backup', type: 'email', default: true, config: SMTP },
    });
    expect(second.body.default).toBe(true);
    expect((await api.request('GET', '/v1/notifiers/smtp_main')).body.default).toBe(false);
  });

  describe('PATCH', () => {
    it('changes what is sent and keeps a secret sent back as $encrypted$', async () => {
      const before = await storedConfig('smtp_main');
      const view = (await api.request('GET', '/v1/notifiers/smtp_main')).body;
      const response = await api.request('PATCH', '/v1/notifiers/smtp_main', {
        // The view sent back with two fields changed: the masked password must survive.
        body: {
          name: view.name,
          type: view.type,
          description: 'Relay, port 2525',
          default: true,
          config: { ...view.config, port: 2525 },
          messages: { error: { title: 'Failed: {{ job }}' } },
        },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        name: 'smtp_main',
        description: 'Relay, port 2525',
        default: true,
        config: { ...SMTP, port: 2525, password: '$encrypted$' },
        messages: { error: { title: 'Failed: {{ job }}' } },
      });
      expect(Date.parse(response.body.updatedAt)).toBeGreaterThan(Date.parse(view.updatedAt));
      expect((await api.data.notifiers.findByName('smtp_main'))?.config).toEqual({ ...SMTP, port: 2525 });
      // Taking the default over works on update too.
      expect((await api.request('GET', '/v1/notifiers/smtp_backup')).body.default).toBe(false);
      // Re-encrypted with a fresh IV, never stored in plaintext.
      const after = await storedConfig('smtp_main');
      expect(after.password).toMatch(/^enc:v1:/);
      expect(after.password).not.toBe(before.password);
    });

    it('replaces a secret sent in full, removes a field sent as null, and clears with null', async () => {
      const response = await api.request('PATCH', '/v1/notifiers/ops_hook', {
        body: {
          config: { secret: 'hmac-key-2', bearerToken: null },
          fallback: null,
          description: null,
          messages: { default: null },
        },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        fallback: null,
        description: null,
        config: { url: 'https://hooks.example.com/herald', secret: '$encrypted$' },
        messages: { test: { title: 'Testing {{ title }}' } },
      });
      expect(response.body.config).not.toHaveProperty('bearerToken');
      expect((await api.data.notifiers.findByName('ops_hook'))?.config).toEqual({
        url: 'https://hooks.example.com/herald',
        secret: 'hmac-key-2',
      });
    });

    it('validates the merged config whole, naming a required field removed', async () => {
      const response = await api.request('PATCH', '/v1/notifiers/smtp_main', {
        body: { config: { host: null, port: 'submission' } },
      });
      expectErrorEnvelope(response, 400, 'validation_failed');
      expect(response.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'config.host',
        'config.port',
      ]);
      expect((await api.data.notifiers.findByName('smtp_main'))?.config.host).toBe('smtp.example.com');
    });

    it('refuses a new name or type, $encrypted$ with nothing stored, and a fallback to itself', async () => {
      const identity = await api.request('PATCH', '/v1/notifiers/ops_hook', {
        body: { name: 'renamed', type: 'email' },
      });
      expectErrorEnvelope(identity, 400, 'validation_failed');
      expect(identity.body.error.details.map((d: { field: string }) => d.field)).toEqual(['name', 'type']);

      const masked = await api.request('PATCH', '/v1/notifiers/ops_hook', {
        body: { config: { password: '$encrypted$' }, fallback: 'ops_hook' },
      });
      expectErrorEnvelope(masked, 400, 'validation_failed');
      expect(masked.body.error.details.map((d: { field: string }) => d.field)).toEqual([
        'config.password',
        'fallback',
      ]);

      const unknown = await api.request('PATCH', '/v1/notifiers/ops_hook', { body: { colour: 'red' } });
      expectErrorEnvelope(unknown, 400, 'validation_failed');
      expect((await api.request('GET', '/v1/notifiers/ops_hook')).body.name).toBe('ops_hook');
    });
  });

  describe('DELETE', () => {
    it('deletes a notifier and clears fallbacks that named it', async () => {
      await api.request('POST', '/v1/notifiers', {
        body: {
          name: 'leaning',
          type: 'webhook',
          fallback: 'smtp_backup',
          config: { url: 'https://example.com' },
        },
      });
      const response = await api.request('DELETE', '/v1/notifiers/smtp_backup');
      expect(response.status).toBe(204);
      expect(response.body).toBeUndefined();
      expectErrorEnvelope(await api.request('GET', '/v1/notifiers/smtp_backup'), 404, 'not_found');
      expect((await api.request('GET', '/v1/notifiers/leaning')).body.fallback).toBeNull();
      expectErrorEnvelope(await api.request('DELETE', '/v1/notifiers/smtp_backup'), 404, 'not_found');
    });
  });

  it('changes, deletes and tests notifiers with the admin scope only', async () => {
    const writer = 'notifier-writer-key-0123456789';
    await api.data.apiKeys.ensure('notifier-writer', hashApiKey(writer), ['events:write', 'read']);
    expectErrorEnvelope(
      await api.request('PATCH', '/v1/notifiers/ops_hook', { body: { description: 'x' }, key: writer }),
      403,
      'forbidden',
    );
    expectErrorEnvelope(
      await api.request('DELETE', '/v1/notifiers/ops_hook', { key: writer }),
      403,
      'forbidden',
    );
    expectErrorEnvelope(
      await api.request('POST', '/v1/notifiers/ops_hook/test', { key: writer }),
      403,
      'forbidden',
    );
    expect((await api.request('GET', '/v1/notifiers/ops_hook', { key: writer })).status).toBe(200);
  });
});
