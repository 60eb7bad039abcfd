import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@herald/testing';
import { HeraldData, migrateDatabase, SecretBox, SecretDecryptionError } from '../src/index.js';
import { deliveryFixture, notificationFixture } from '../src/testing/fixtures.js';

const OLD_KEY = randomBytes(32).toString('hex');
const NEW_KEY = randomBytes(32).toString('hex');
const SMTP = { host: 'smtp.example.com', port: 587, security: 'starttls', from: 'herald@example.com' };

describe('notifier secrets against a real Postgres', () => {
  let database: TestDatabase;
  let data: HeraldData;
  let client: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase(migrateDatabase);
    data = await HeraldData.connect({ url: database.url, secretKeys: { current: OLD_KEY } });
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await data?.close();
    await database?.drop();
  });

  async function storedConfig(name: string): Promise<Record<string, unknown>> {
    const { rows } = await client.query('SELECT config FROM notifiers WHERE name = $1', [name]);
    return rows[0].config;
  }

  function notifier(name: string, config: Record<string, unknown>, type = 'email') {
    return { name, type, description: null, isDefault: false, fallback: null, config };
  }

  it('stores secrets encrypted and gives them back in plaintext on every read', async () => {
    const created = await data.notifiers.create(notifier('smtp_main', { ...SMTP, password: 'pw-smtp-main' }));
    expect(created.config.password).toBe('pw-smtp-main');

    const column = await storedConfig('smtp_main');
    expect(column).toEqual({ ...SMTP, password: expect.stringMatching(/^enc:v1:[0-9a-f]{8}:/) });
    expect(JSON.stringify(column)).not.toContain('pw-smtp-main');

    for (const read of [
      await data.notifiers.findByName('smtp_main'),
      await data.notifiers.findById(created.id),
      (await data.notifiers.findByIds([created.id]))[0],
      (await data.notifiers.list()).find((n) => n.name === 'smtp_main'),
    ]) {
      expect(read?.config).toEqual({ ...SMTP, password: 'pw-smtp-main' });
    }
  });

  it('decrypts the config a worker loads with its delivery', async () => {
    const hook = await data.notifiers.create(
      notifier('hook_ctx', { url: 'https://hooks.example.com/x', secret: 'pw-hmac-ctx' }, 'webhook'),
    );
    const notificationId = randomUUID();
    await data.notifications.insert(
      notificationFixture({
        id: notificationId,
      }),
    );
    const context = await data.deliveries.loadContext({
      id: randomUUID(),
      notificationId,
      channel: 'webhook',
      notifierId: hook.id,
      userId: null,
      address: null,
      message: null,
      attemptCount: 1,
      maxAttempts: 5,
    });
    expect(context.notifier?.config).toEqual({ url: 'https://hooks.example.com/x', secret: 'pw-hmac-ctx' });
  });

  it('updates fields, re-encrypts a new config and moves the channel default', async () => {
    await data.notifiers.create({ ...notifier('smtp_a', { ...SMTP, password: 'pw-a' }), isDefault: true });
    await data.notifiers.create(notifier('smtp_b', { ...SMTP, password: 'pw-b' }));
    const before = await storedConfig('smtp_b');

    const updated = await data.notifiers.update('smtp_b', {
      isDefault: true,
      description: 'backup relay',
      messages: { test: { title: 'Hello from {{ notifier }}' } },
      config: { ...SMTP, password: 'pw-b2' },
    });
    expect(updated).toMatchObject({
      isDefault: true,
      description: 'backup relay',
      messages: { test: { title: 'Hello from {{ notifier }}' } },
      config: { ...SMTP, password: 'pw-b2' },
    });
    expect(updated!.updatedAt.getTime()).toBeGreaterThan(updated!.createdAt.getTime());
    expect((await data.notifiers.findByName('smtp_a'))?.isDefault).toBe(false);
    const after = await storedConfig('smtp_b');
    expect(after.password).not.toEqual(before.password);
    expect(JSON.stringify(after)).not.toContain('pw-b2');

    // Fields not given stay as they are.
    expect(await data.notifiers.update('smtp_b', { description: null })).toMatchObject({
      description: null,
      isDefault: true,
      config: { password: 'pw-b2' },
    });
    expect(await data.notifiers.update('nobody', { description: 'x' })).toBeNull();
  });

  it('deletes a notifier, keeping its deliveries and clearing fallbacks that named it', async () => {
    const doomed = await data.notifiers.create(notifier('doomed', { ...SMTP }));
    await data.notifiers.create({ ...notifier('leans_on_doomed', { ...SMTP }), fallback: 'doomed' });
    const notificationId = randomUUID();
    await data.notifications.insert(
      notificationFixture({
        id: notificationId,
      }),
    );
    const deliveryId = randomUUID();
    await data.transaction((tx) =>
      data.deliveries.insertMany(tx, [
        deliveryFixture({
          id: deliveryId,
          notificationId,
          channel: 'email',
          notifierId: doomed.id,
          notifierName: 'doomed',
          address: 'a@example.com',
          status: 'pending' as never,
          message: null,
          maxAttempts: 5,
        }),
      ]),
    );

    expect(await data.notifiers.delete('doomed')).toBe(true);
    expect(await data.notifiers.findByName('doomed')).toBeNull();
    expect(await data.notifiers.delete('doomed')).toBe(false);
    expect((await data.notifiers.findByName('leans_on_doomed'))?.fallback).toBeNull();
    const { rows } = await client.query('SELECT notifier_id, notifier_name FROM deliveries WHERE id = $1', [
      deliveryId,
    ]);
    expect(rows[0]).toEqual({ notifier_id: null, notifier_name: 'doomed' });
  });

  it('re-encrypts every secret with the new key on rotation, plaintext ones included', async () => {
    await data.notifiers.create(
      notifier('rot_hook', { url: 'https://h.example.com', secret: 'pw-rot' }, 'webhook'),
    );
    // A secret stored before encryption existed.
    await data.notifiers.create(notifier('legacy', { ...SMTP }));
    await client.query(
      `UPDATE notifiers SET config = config || '{"password": "pw-legacy"}' WHERE name = 'legacy'`,
    );

    const rotated = await HeraldData.connect({
      url: database.url,
      secretKeys: { current: NEW_KEY, previous: [OLD_KEY] },
    });
    try {
      const newId = SecretBox.fromKeys({ current: NEW_KEY }).keyId;
      const all = await rotated.notifiers.list();
      const result = await rotated.notifiers.reencryptAll();
      expect(result.total).toBe(all.length);
      // Every notifier holding a secret: smtp_main, hook_ctx, smtp_a, smtp_b, rot_hook, legacy.
      expect(result.reencrypted).toBe(6);
      expect(await rotated.notifiers.reencryptAll()).toEqual({ total: all.length, reencrypted: 0 });

      const { rows } = await client.query('SELECT name, config FROM notifiers');
      for (const { config } of rows) {
        for (const field of ['password', 'secret']) {
          if (config[field] !== undefined) expect(config[field]).toMatch(new RegExp(`^enc:v1:${newId}:`));
        }
      }
      expect(JSON.stringify(rows)).not.toMatch(/pw-/);

      // The old key can go now.
      const newOnly = await HeraldData.connect({ url: database.url, secretKeys: { current: NEW_KEY } });
      try {
        expect((await newOnly.notifiers.findByName('legacy'))?.config.password).toBe('pw-legacy');
        expect((await newOnly.notifiers.findByName('rot_hook'))?.config.secret).toBe('pw-rot');
      } finally {
        await newOnly.close();
      }
      // ...and the process that never learned the new key cannot read them any more.
      await expect(data.notifiers.findByName('rot_hook')).rejects.toThrow(SecretDecryptionError);
      await expect(data.notifiers.findByName('rot_hook')).rejects.toThrow(
        /^notifier "rot_hook": config\.secret: encrypted with key/,
      );
    } finally {
      await rotated.close();
    }
  });
});
