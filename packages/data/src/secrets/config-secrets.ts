import { CHANNEL_REGISTRY, isChannelName } from '@herald/contracts';
import { SecretBox, SecretDecryptionError } from './secret-box.js';

type Config = Record<string, unknown>;

/**
 * The fields of a config that are secrets: the channel registry's. A channel this build does not know
 * (a row written by a newer release) gets every field treated as one, as the API masks it.
 */
function isSecretField(type: string): (field: string) => boolean {
  return isChannelName(type) ? (field) => CHANNEL_REGISTRY[type].secretFields.includes(field) : () => true;
}

/** The config as stored: every secret string encrypted with the box's current key. */
export function sealConfig(type: string, config: Config, box: SecretBox): Config {
  const secret = isSecretField(type);
  return Object.fromEntries(
    Object.entries(config).map(([field, value]) => [
      field,
      secret(field) && typeof value === 'string' ? box.encrypt(value) : value,
    ]),
  );
}

/**
 * The config as callers use it: secret fields decrypted. A secret still in plaintext (stored before
 * encryption existed, until `herald rotate-secrets` runs) is passed through as it is. `owner` names
 * the notifier in errors.
 */
export function openConfig(type: string, config: Config, box: SecretBox, owner: string): Config {
  const secret = isSecretField(type);
  return Object.fromEntries(
    Object.entries(config).map(([field, value]) => {
      if (!secret(field) || !SecretBox.isSealed(value)) return [field, value];
      try {
        return [field, box.decrypt(value)];
      } catch (error) {
        // Names the notifier and the field, never the value: the message reaches logs.
        throw new SecretDecryptionError(`${owner}: config.${field}: ${(error as Error).message}`, {
          cause: error,
        });
      }
    }),
  );
}

/** True when some secret of the stored config is not encrypted with the current key. */
export function needsReencryption(type: string, config: Config, box: SecretBox): boolean {
  const secret = isSecretField(type);
  return Object.entries(config).some(
    ([field, value]) => secret(field) && typeof value === 'string' && box.needsReencryption(value),
  );
}
