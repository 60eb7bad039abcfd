import { CHANNEL_REGISTRY, isChannelName, MASKED_SECRET, type NotifierView } from '@herald/contracts';
import type { NotifierRecord } from '@herald/data';

/** The public view of a notifier: every secret config field present is replaced by `$encrypted$`. */
export function toNotifierView(record: NotifierRecord): NotifierView {
  return {
    name: record.name,
    type: record.type,
    description: record.description,
    default: record.isDefault,
    fallback: record.fallback,
    config: maskSecrets(record.type, record.config),
    messages: record.messages,
    maxAttempts: record.maxAttempts,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

export function maskSecrets(type: string, config: Record<string, unknown>): Record<string, unknown> {
  // A channel this build does not know has no known secret fields: show no value rather than guess.
  const secret = isChannelName(type)
    ? (field: string) => CHANNEL_REGISTRY[type].secretFields.includes(field)
    : () => true;
  return Object.fromEntries(
    Object.entries(config).map(([field, value]) => [
      field,
      value !== null && value !== undefined && secret(field) ? MASKED_SECRET : value,
    ]),
  );
}
