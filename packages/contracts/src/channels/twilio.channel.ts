import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** Twilio notifier config. */
export class TwilioConfigDto {}

export const TWILIO_CHANNEL: ChannelDefinition = {
  name: ChannelName.Twilio,
  configDto: TwilioConfigDto,
  addressKind: AddressKind.Phone,
  secretFields: ['authToken'],
  defaultRateLimit: { max: 10, durationMs: 1000 },
};
