import {
  CHANNEL_REGISTRY,
  type ChannelName,
  type ConfigProblem,
  MASKED_SECRET,
  NOTIFIER_MESSAGE_KEYS,
  type NotifierMessagesDto,
} from '@herald/contracts';
import type { NotifierMessages } from '@herald/data';

type Config = Record<string, unknown>;

const isMasked = (type: ChannelName, field: string, value: unknown) =>
  value === MASKED_SECRET && CHANNEL_REGISTRY[type].secretFields.includes(field);

/**
 * `$encrypted$` in a new notifier's secret field: a view pasted back as a create. It stands for a
 * stored secret and there is none yet, so storing it literally would only break deliveries later.
 */
export function maskedSecretProblems(type: ChannelName, config: Config): ConfigProblem[] {
  return Object.entries(config)
    .filter(([field, value]) => isMasked(type, field, value))
    .map(([field]) => ({ field: `config.${field}`, messages: [noStoredSecret(field)] }));
}

/**
 * The config a PATCH leads to: `patch` merged over `stored` field by field (a JSON merge patch:
 * `null` removes a field), with `$encrypted$` in a secret field keeping the stored secret, so a view
 * sent back with one field changed leaves the secrets alone. The result still needs validating whole.
 */
export function mergeConfig(
  type: ChannelName,
  stored: Config,
  patch: Config,
): { config: Config; problems: ConfigProblem[] } {
  const config: Config = { ...stored };
  const problems: ConfigProblem[] = [];
  for (const [field, value] of Object.entries(patch)) {
    if (isMasked(type, field, value)) {
      if (stored[field] === undefined || stored[field] === null) {
        problems.push({ field: `config.${field}`, messages: [noStoredSecret(field)] });
      }
    } else if (value === null) {
      delete config[field];
    } else {
      config[field] = value;
    }
  }
  return { config, problems };
}

/** Validated DTO instances to the plain JSON stored; keys left out or null are dropped. */
export function toNotifierMessages(
  messages: NotifierMessagesDto | null | undefined,
): NotifierMessages | null {
  if (!messages) return null;
  const plain: NotifierMessages = {};
  for (const key of NOTIFIER_MESSAGE_KEYS) {
    const message = messages[key];
    if (!message) continue;
    plain[key] = {
      ...(message.title !== undefined ? { title: message.title } : {}),
      ...(message.body !== undefined ? { body: message.body } : {}),
    };
  }
  return Object.keys(plain).length > 0 ? plain : null;
}

/** Messages merged key by key: a key given replaces that message, `null` removes it, `null` for all clears. */
export function mergeMessages(
  stored: NotifierMessages | null,
  patch: NotifierMessagesDto | null,
): NotifierMessages | null {
  if (patch === null) return null;
  const merged: NotifierMessages = { ...stored, ...toNotifierMessages(patch) };
  for (const key of NOTIFIER_MESSAGE_KEYS) if (patch[key] === null) delete merged[key];
  return Object.keys(merged).length > 0 ? merged : null;
}

function noStoredSecret(field: string): string {
  return `${field} is "${MASKED_SECRET}", which keeps a stored secret, but none is stored: send the secret itself`;
}
