import type { ChannelName } from './channel-name.enum.js';

/** What a user-targeted delivery of the channel is addressed to. */
export enum AddressKind {
  /** The user's `email`. */
  Email = 'email',
  /** The user's `phone` (E.164), else `addresses[channel]`. */
  Phone = 'phone',
  /** The user's `addresses[channel]`: a Slack member id, a Telegram chat id, an IRC nick, a Matrix room. */
  Handle = 'handle',
  /** The user's id itself (the in-app inbox). */
  User = 'user',
  /** The notifier's own destination (a URL, a routing key, a topic): no per-user address. */
  Notifier = 'notifier',
}

export interface RateLimit {
  max: number;
  durationMs: number;
}

export interface ChannelDefinition {
  name: ChannelName;
  /** class-validator DTO that a notifier's `config` must satisfy. */
  configDto: new () => object;
  addressKind: AddressKind;
  /** Config fields that are secrets: encrypted at rest, masked as `$encrypted$` in responses. */
  secretFields: readonly string[];
  defaultRateLimit: RateLimit;
  /**
   * Where a notifier sends when it is itself the target (attached to a resource), as shown in the
   * delivery's `address`; never a secret. Returning null means its config names no destination and
   * the delivery is skipped with `no_address`. Absent: the config alone decides; address null.
   */
  notifierAddress?: (config: Record<string, unknown>) => string | null;
}
