import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const PREFIX = 'enc:v1:';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY = /^[A-Za-z0-9+/_-]{43}=?$/;
const KEY_FORMAT = '32 random bytes as 64 hex characters or base64 (openssl rand -hex 32)';

/**
 * What secrets are encrypted with when HERALD_SECRET_KEY is unset, so `pnpm dev` works with no setup.
 * It is public (here and in the README): anything encrypted with it is as good as plaintext, which is
 * why the apps warn loudly when they use it and refuse to start with it under NODE_ENV=production.
 */
export const DEVELOPMENT_SECRET_KEY = '686572616c642d646576656c6f706d656e742d6b65792d7075626c6963212121';

export const DEVELOPMENT_KEY_WARNING =
  'HERALD_SECRET_KEY is not set: notifier secrets are encrypted with the PUBLIC development key, ' +
  'i.e. readable by anyone with the database. Set HERALD_SECRET_KEY (openssl rand -hex 32) outside development.';

export interface SecretKeys {
  /** Encrypts every new value: 32 bytes as 64 hex characters or base64. Unset: the development key. */
  current?: string;
  /** Keys being rotated out: they still decrypt what they encrypted, nothing new is encrypted with them. */
  previous?: readonly string[];
}

/** Key material that cannot be used; the message never quotes the key. */
export class SecretKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretKeyError';
  }
}

/** A stored value that cannot be decrypted: altered, malformed, or encrypted with a key not configured. */
export class SecretDecryptionError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SecretDecryptionError';
  }
}

/**
 * AES-256-GCM over single values, with a keyring for rotation. A value is sealed as
 * `enc:v1:<key id>:<iv>:<tag>:<ciphertext>` (base64 parts, a fresh 12-byte IV each time), so it names
 * the key that can open it; the key id is the first 8 hex characters of the key's SHA-256. The
 * `enc:v1:<key id>` header is authenticated too, so neither part can be swapped unnoticed.
 */
export class SecretBox {
  private constructor(
    private readonly currentId: string,
    private readonly keys: ReadonlyMap<string, Buffer>,
    /** True when encrypting with the public development key. */
    readonly usesDevelopmentKey: boolean,
  ) {}

  static fromKeys(keys: SecretKeys = {}): SecretBox {
    const current = parseSecretKey(keys.current ?? DEVELOPMENT_SECRET_KEY, 'the current secret key');
    const ring = new Map<string, Buffer>([[secretKeyId(current), current]]);
    (keys.previous ?? []).forEach((text, index) => {
      const key = parseSecretKey(text, `previous secret key #${index + 1}`);
      const id = secretKeyId(key);
      const known = ring.get(id);
      // Eight hex characters make an accidental clash of two real keys a 1-in-4-billion event; refuse it anyway.
      if (known && !known.equals(key)) throw new SecretKeyError(`two secret keys share the key id ${id}`);
      ring.set(id, key);
    });
    // Also when the development key is given explicitly: it is no less public for being spelled out.
    const development = current.equals(Buffer.from(DEVELOPMENT_SECRET_KEY, 'hex'));
    return new SecretBox(secretKeyId(current), ring, development);
  }

  /** The id of the key new values are encrypted with. */
  get keyId(): string {
    return this.currentId;
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const header = `${PREFIX}${this.currentId}`;
    const cipher = createCipheriv(ALGORITHM, this.keys.get(this.currentId)!, iv, {
      authTagLength: TAG_BYTES,
    });
    cipher.setAAD(Buffer.from(header, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      header,
      iv.toString('base64'),
      cipher.getAuthTag().toString('base64'),
      ciphertext.toString('base64'),
    ].join(':');
  }

  decrypt(sealed: string): string {
    const parts = sealed.startsWith(PREFIX) ? sealed.slice(PREFIX.length).split(':') : [];
    const [keyId = '', ivText = '', tagText = '', ciphertextText = ''] = parts;
    const iv = Buffer.from(ivText, 'base64');
    const tag = Buffer.from(tagText, 'base64');
    if (
      parts.length !== 4 ||
      !/^[0-9a-f]{8}$/.test(keyId) ||
      iv.length !== IV_BYTES ||
      tag.length !== TAG_BYTES
    ) {
      throw new SecretDecryptionError('not an encrypted value of a format this version knows (enc:v1:...)');
    }
    const key = this.keys.get(keyId);
    if (!key) {
      throw new SecretDecryptionError(
        `encrypted with key ${keyId}, which is not configured (configured: ${[...this.keys.keys()].join(', ')}); ` +
          'add that key to HERALD_SECRET_KEYS_PREVIOUS',
      );
    }
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(`${PREFIX}${keyId}`, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertextText, 'base64')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new SecretDecryptionError(
        `failed authentication with key ${keyId}: the stored value was altered`,
      );
    }
  }

  /** True for a value in this box's format, whichever key sealed it. */
  static isSealed(value: unknown): value is string {
    return typeof value === 'string' && value.startsWith(PREFIX);
  }

  /** True unless the value is sealed with the current key: plaintext, or a key being rotated out. */
  needsReencryption(value: string): boolean {
    return !value.startsWith(`${PREFIX}${this.currentId}:`);
  }
}

/** Decodes a key given as 64 hex characters or base64 (url-safe too); `label` names it in errors. */
export function parseSecretKey(text: string, label = 'the secret key'): Buffer {
  const trimmed = text.trim();
  if (HEX_KEY.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (BASE64_KEY.test(trimmed)) {
    const key = Buffer.from(trimmed, 'base64');
    if (key.length === KEY_BYTES) return key;
  }
  throw new SecretKeyError(`${label} must be ${KEY_FORMAT}`);
}

export function secretKeyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}
