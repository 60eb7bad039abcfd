import { randomBytes } from 'node:crypto';
import { loadEnv } from './load-env.js';
import { ServiceEnv } from './service-env.js';

const HEX_KEY = randomBytes(32).toString('hex');
const BASE64_KEY = randomBytes(32).toString('base64');

function problems(source: Record<string, string>): string {
  try {
    loadEnv(ServiceEnv, source);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

describe('ServiceEnv secret keys', () => {
  it('leaves the key unset in development and reads a comma-separated list of previous keys', () => {
    expect(loadEnv(ServiceEnv, {})).toMatchObject({
      HERALD_SECRET_KEY: undefined,
      HERALD_SECRET_KEYS_PREVIOUS: [],
    });
    expect(
      loadEnv(ServiceEnv, {
        HERALD_SECRET_KEY: HEX_KEY,
        HERALD_SECRET_KEYS_PREVIOUS: ` ${BASE64_KEY}, ${BASE64_KEY.replace(/=$/, '')},`,
      }),
    ).toMatchObject({
      HERALD_SECRET_KEY: HEX_KEY,
      HERALD_SECRET_KEYS_PREVIOUS: [BASE64_KEY, BASE64_KEY.replace(/=$/, '')],
    });
  });

  it('requires the key when NODE_ENV=production', () => {
    expect(problems({ NODE_ENV: 'production' })).toMatch(
      /HERALD_SECRET_KEY must be set when NODE_ENV=production: .*openssl rand -hex 32/,
    );
    expect(
      loadEnv(ServiceEnv, { NODE_ENV: 'production', HERALD_SECRET_KEY: BASE64_KEY }).HERALD_SECRET_KEY,
    ).toBe(BASE64_KEY);
  });

  it('refuses keys that are not 32 bytes, without quoting them', () => {
    const short = randomBytes(16).toString('hex');
    const message = problems({
      HERALD_SECRET_KEY: short,
      HERALD_SECRET_KEYS_PREVIOUS: `${HEX_KEY},not-a-key`,
    });
    expect(message).toMatch(/HERALD_SECRET_KEY must be 32 random bytes as 64 hex characters or base64/);
    expect(message).toMatch(/HERALD_SECRET_KEYS_PREVIOUS must each be 32 random bytes/);
    expect(message).not.toContain(short);
    expect(message).not.toContain(HEX_KEY);
    expect(message).not.toContain('not-a-key');
  });
});
