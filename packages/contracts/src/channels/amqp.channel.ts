import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** Amqp notifier config. */
export class AmqpConfigDto {}

export const AMQP_CHANNEL: ChannelDefinition = {
  name: ChannelName.Amqp,
  configDto: AmqpConfigDto,
  addressKind: AddressKind.Notifier,
  secretFields: ['url', 'password'],
  defaultRateLimit: { max: 500, durationMs: 1000 },
};
