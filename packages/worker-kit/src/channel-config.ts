import { type ChannelName, validateChannelConfig } from '@herald/contracts';
import { DeliveryError } from './delivery-error.js';
import type { OutboundNotifier } from './channel-adapter.js';

/**
 * The notifier's config as its channel's DTO. The runtime hands configs over as plain records; one
 * that fails its DTO (edited in the database, or written by an older version) can never send, so
 * it is a permanent failure naming the fields.
 */
export function channelConfigOf<Config>(channel: ChannelName, notifier: OutboundNotifier): Config {
  const problems = validateChannelConfig(channel, notifier.config);
  if (problems.length > 0) {
    const detail = problems.map((problem) => `${problem.field}: ${problem.messages.join(', ')}`).join('; ');
    throw DeliveryError.permanent(`invalid ${channel} config of notifier ${notifier.name}: ${detail}`);
  }
  return notifier.config as Config;
}
