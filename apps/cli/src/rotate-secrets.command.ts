import { HeraldData, redactUrl, SecretBox } from '@herald/data';
import type { CliEnv } from './cli-env.js';

/**
 * `herald rotate-secrets`: re-encrypts every notifier and hook-source secret with HERALD_SECRET_KEY, opening them
 * with it or with HERALD_SECRET_KEYS_PREVIOUS; secrets stored in plaintext by older versions are
 * encrypted too. All or nothing: one secret no key opens leaves every notifier as it was.
 */
export async function rotateSecretsCommand(env: CliEnv, print: (line: string) => void): Promise<number> {
  // Without a key this would move every secret to the public development key: never what is meant.
  if (!env.HERALD_SECRET_KEY) {
    throw new Error(
      'set HERALD_SECRET_KEY to the new key, and HERALD_SECRET_KEYS_PREVIOUS to the old one(s)',
    );
  }
  const data = await HeraldData.connect({
    url: env.DATABASE_URL,
    poolSize: 1,
    secretKeys: { current: env.HERALD_SECRET_KEY, previous: env.HERALD_SECRET_KEYS_PREVIOUS },
  });
  try {
    const { total, reencrypted } = await data.notifiers.reencryptAll();
    const hooks = await data.hookSources.reencryptAll();
    print(
      `re-encrypted the secrets of ${reencrypted} of ${total} notifier(s) and ${hooks.reencrypted} of ` +
        `${hooks.total} hook source(s) in ${redactUrl(env.DATABASE_URL)} ` +
        `with key ${SecretBox.fromKeys({ current: env.HERALD_SECRET_KEY }).keyId}`,
    );
    return 0;
  } finally {
    await data.close();
  }
}
