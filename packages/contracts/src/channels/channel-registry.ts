import { ChannelName } from './channel-name.enum.js';
import { EmailConfigDto } from './email-config.dto.js';
import { WebhookConfigDto } from './webhook-config.dto.js';

/** What a user-targeted delivery of the channel is addressed to. */
export enum AddressKind {
  Email = 'email',
  /** The notifier's own destination (a URL, a chat channel): no per-user address. */
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
}

/** Adding a channel = one entry here + one apps/worker-<channel>. */
export const CHANNEL_REGISTRY: Record<ChannelName, ChannelDefinition> = {
  [ChannelName.Email]: {
    name: ChannelName.Email,
    configDto: EmailConfigDto,
    addressKind: AddressKind.Email,
    secretFields: ['password'],
    defaultRateLimit: { max: 50, durationMs: 1000 },
  },
  [ChannelName.Webhook]: {
    name: ChannelName.Webhook,
    configDto: WebhookConfigDto,
    addressKind: AddressKind.Notifier,
    secretFields: ['secret', 'password', 'bearerToken'],
    defaultRateLimit: { max: 200, durationMs: 1000 },
  },
};

export const MASKED_SECRET = '$encrypted$';
