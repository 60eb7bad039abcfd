import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { HeraldData, migrateDatabase, SecretBox } from '@herald/data';
import { createTestDatabase, type TestDatabase } from '@herald/testing';
import { CliEnv } from './cli-env.js';
import { rotateSecretsCommand } from './rotate-secrets.command.js';

const OLD_KEY = randomBytes(32).toString('hex');
const NEW_KEY = randomBytes(32).toString('base64');
const SECRET = `pw-${randomBytes(8).toString('hex')}`;

describe('herald rotate-secrets', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(migrateDatabase);
    const data = await HeraldData.connect({ url: database.url, secretKeys: { current: OLD_KEY } });
    try {
      await data.notifiers.create({
        name: 'smtp_main',
        type: 'email',
        description: null,
        isDefault: true,
        fallback: null,
        config: {
          host: 'smtp.example.com',
          port: 587,
          security: 'starttls',
          password: SECRET,
          from: 'h@example.com',
        },
      });
      await data.notifiers.create({
        name: 'no_secret',
        type: 'webhook',
        description: null,
        isDefault: false,
        fallback: null,
        config: { url: 'https://hooks.example.com/x' },
      });
    } finally {
      await data.close();
    }
  });

  afterAll(async () => {
    await database?.drop();
  });

  async function storedPassword(): Promise<string> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT config->>'password' AS password FROM notifiers WHERE name = 'smtp_main'`,
      );
      return rows[0].password;
    } finally {
      await client.end();
    }
  }

  it('re-encrypts every secret with the new key, so the old key can be dropped', async () => {
    const newKeyId = SecretBox.fromKeys({ current: NEW_KEY }).keyId;
    const oldKeyId = SecretBox.fromKeys({ current: OLD_KEY }).keyId;
    expect(await storedPassword()).toMatch(new RegExp(`^enc:v1:${oldKeyId}:`));

    const lines: string[] = [];
    const env = CliEnv.from({
      DATABASE_URL: database.url,
      HERALD_SECRET_KEY: NEW_KEY,
      HERALD_SECRET_KEYS_PREVIOUS: OLD_KEY,
    });
    expect(await rotateSecretsCommand(env, (line) => lines.push(line))).toBe(0);
    expect(lines[0]).toMatch(
      new RegExp(
        `^re-encrypted the secrets of 1 of 2 notifier\\(s\\) and 0 of 0 hook source\\(s\\) in .* with key ${newKeyId}$`,
      ),
    );
    expect(await storedPassword()).toMatch(new RegExp(`^enc:v1:${newKeyId}:`));

    // Again: nothing left to move.
    expect(await rotateSecretsCommand(env, (line) => lines.push(line))).toBe(0);
    expect(lines[1]).toMatch(/of 0 of 2 notifier/);

    const newOnly = await HeraldData.connect({ url: database.url, secretKeys: { current: NEW_KEY } });
    try {
      expect((await newOnly.notifiers.findByName('smtp_main'))?.config.password).toBe(SECRET);
    } finally {
      await newOnly.close();
    }
    expect(lines.join('\n')).not.toContain(SECRET);
  });

  it('changes nothing when a secret is under a key it was not given', async () => {
    const before = await storedPassword();
    const env = CliEnv.from({ DATABASE_URL: database.url, HERALD_SECRET_KEY: OLD_KEY });
    await expect(rotateSecretsCommand(env, () => undefined)).rejects.toThrow(
      /notifier "smtp_main": config\.password: encrypted with key .* which is not configured/,
    );
    expect(await storedPassword()).toBe(before);
  });

  it('refuses to run without HERALD_SECRET_KEY rather than fall back to the development key', async () => {
    await expect(
      rotateSecretsCommand(CliEnv.from({ DATABASE_URL: database.url }), () => undefined),
    ).rejects.toThrow(/set HERALD_SECRET_KEY/);
  });
});
