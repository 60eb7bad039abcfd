import { generateApiKey } from './api-key-secret.js';

describe('generateApiKey', () => {
  it('is hk_ and 43 base64url characters (32 random bytes)', () => {
    expect(generateApiKey()).toMatch(/^hk_[A-Za-z0-9_-]{43}$/);
  });

  it('never repeats', () => {
    const keys = new Set(Array.from({ length: 1000 }, generateApiKey));
    expect(keys.size).toBe(1000);
  });
});
