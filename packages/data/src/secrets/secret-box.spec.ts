import { randomBytes } from 'node:crypto';
import {
  DEVELOPMENT_SECRET_KEY,
  parseSecretKey,
  SecretBox,
  SecretDecryptionError,
  SecretKeyError,
  secretKeyId,
} from './secret-box.js';

const OLD_KEY = randomBytes(32).toString('hex');
const NEW_KEY = randomBytes(32).toString('base64');

describe('SecretBox', () => {
  it('round-trips a value with a fresh IV each time, naming the key in the sealed form', () => {
    const box = SecretBox.fromKeys({ current: OLD_KEY });
    const first = box.encrypt('smtp-p4ssword');
    const second = box.encrypt('smtp-p4ssword');
    expect(first).toMatch(
      new RegExp(`^enc:v1:${box.keyId}:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$`),
    );
    expect(first).not.toBe(second);
    expect(first).not.toContain('smtp-p4ssword');
    expect(box.decrypt(first)).toBe('smtp-p4ssword');
    expect(box.decrypt(second)).toBe('smtp-p4ssword');
    expect(box.decrypt(box.encrypt(''))).toBe('');
    expect(box.decrypt(box.encrypt('ünïcødé ✓'))).toBe('ünïcødé ✓');
  });

  it('derives the key id from the key: the first 8 hex characters of its SHA-256', () => {
    const box = SecretBox.fromKeys({ current: OLD_KEY });
    expect(box.keyId).toBe(secretKeyId(Buffer.from(OLD_KEY, 'hex')));
    expect(box.keyId).toMatch(/^[0-9a-f]{8}$/);
  });

  it('keeps decrypting with a previous key after a rotation, and encrypts with the new one', () => {
    const sealedWithOld = SecretBox.fromKeys({ current: OLD_KEY }).encrypt('hmac-key');
    const rotated = SecretBox.fromKeys({ current: NEW_KEY, previous: [OLD_KEY] });
    expect(rotated.decrypt(sealedWithOld)).toBe('hmac-key');
    expect(rotated.needsReencryption(sealedWithOld)).toBe(true);

    const resealed = rotated.encrypt(rotated.decrypt(sealedWithOld));
    expect(resealed.startsWith(`enc:v1:${rotated.keyId}:`)).toBe(true);
    expect(rotated.keyId).not.toBe(secretKeyId(Buffer.from(OLD_KEY, 'hex')));
    expect(rotated.needsReencryption(resealed)).toBe(false);
    // Once the old key is dropped, only the re-encrypted value still opens.
    const newOnly = SecretBox.fromKeys({ current: NEW_KEY });
    expect(newOnly.decrypt(resealed)).toBe('hmac-key');
    expect(() => newOnly.decrypt(sealedWithOld)).toThrow(SecretDecryptionError);
  });

  it('refuses a value encrypted with a key it does not have, naming the key id only', () => {
    const sealed = SecretBox.fromKeys({ current: OLD_KEY }).encrypt('bearer-token');
    const other = SecretBox.fromKeys({ current: NEW_KEY });
    expect(() => other.decrypt(sealed)).toThrow(SecretDecryptionError);
    expect(() => other.decrypt(sealed)).toThrow(
      new RegExp(`key ${secretKeyId(Buffer.from(OLD_KEY, 'hex'))}, which is not configured`),
    );
  });

  it('detects a tampered ciphertext, tag, IV or header', () => {
    const box = SecretBox.fromKeys({ current: OLD_KEY, previous: [NEW_KEY] });
    const sealed = box.encrypt('do not touch');
    const [enc, v1, keyId, iv, tag, ciphertext] = sealed.split(':') as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const flip = (base64: string) => {
      const bytes = Buffer.from(base64, 'base64');
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString('base64');
    };
    const otherId = secretKeyId(Buffer.from(NEW_KEY, 'base64'));
    for (const tampered of [
      [enc, v1, keyId, iv, tag, flip(ciphertext)],
      [enc, v1, keyId, iv, flip(tag), ciphertext],
      [enc, v1, keyId, flip(iv), tag, ciphertext],
      // The header is authenticated: pointing the value at another configured key fails too.
      [enc, v1, otherId, iv, tag, ciphertext],
    ]) {
      expect(() => box.decrypt(tampered.join(':'))).toThrow(/failed authentication/);
    }
    for (const malformed of [
      'plaintext',
      'enc:v1:abc',
      `enc:v2:${keyId}:${iv}:${tag}:${ciphertext}`,
      `${sealed}:x`,
    ]) {
      expect(() => box.decrypt(malformed)).toThrow(SecretDecryptionError);
    }
  });

  it('uses the public development key when no current key is given, and says so', () => {
    const development = SecretBox.fromKeys();
    expect(development.usesDevelopmentKey).toBe(true);
    expect(development.keyId).toBe(secretKeyId(Buffer.from(DEVELOPMENT_SECRET_KEY, 'hex')));
    expect(SecretBox.fromKeys({ current: OLD_KEY }).usesDevelopmentKey).toBe(false);
    expect(SecretBox.fromKeys({ current: DEVELOPMENT_SECRET_KEY }).usesDevelopmentKey).toBe(true);
    // Moving off the development key: it is a previous key like any other.
    const sealed = development.encrypt('dev secret');
    expect(SecretBox.fromKeys({ current: OLD_KEY, previous: [DEVELOPMENT_SECRET_KEY] }).decrypt(sealed)).toBe(
      'dev secret',
    );
  });

  it('recognises sealed values by their format', () => {
    const sealed = SecretBox.fromKeys({ current: OLD_KEY }).encrypt('x');
    expect(SecretBox.isSealed(sealed)).toBe(true);
    expect(SecretBox.isSealed('hunter2')).toBe(false);
    expect(SecretBox.isSealed(42)).toBe(false);
    expect(SecretBox.fromKeys({ current: OLD_KEY }).needsReencryption('hunter2')).toBe(true);
  });
});

describe('parseSecretKey', () => {
  it('takes 32 bytes as hex, base64 or base64url', () => {
    const bytes = randomBytes(32);
    expect(parseSecretKey(bytes.toString('hex')).equals(bytes)).toBe(true);
    expect(parseSecretKey(bytes.toString('base64')).equals(bytes)).toBe(true);
    expect(parseSecretKey(bytes.toString('base64url')).equals(bytes)).toBe(true);
    expect(parseSecretKey(` ${bytes.toString('hex')}\n`).equals(bytes)).toBe(true);
  });

  it('refuses anything else without quoting it', () => {
    for (const bad of [
      'short',
      randomBytes(16).toString('hex'),
      randomBytes(33).toString('base64'),
      'g'.repeat(64),
    ]) {
      let thrown: unknown;
      try {
        parseSecretKey(bad, 'HERALD_SECRET_KEY');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(SecretKeyError);
      expect((thrown as Error).message).toMatch(/^HERALD_SECRET_KEY must be 32 random bytes/);
      expect((thrown as Error).message).not.toContain(bad);
    }
  });

  it('fails the keyring on a bad previous key, naming which one', () => {
    expect(() => SecretBox.fromKeys({ current: OLD_KEY, previous: [NEW_KEY, 'nope'] })).toThrow(
      /previous secret key #2 must be/,
    );
  });
});
