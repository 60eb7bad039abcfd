import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** Telegram notifier config. */
export class TelegramConfigDto {}

export const TELEGRAM_CHANNEL: ChannelDefinition = {
  name: ChannelName.Telegram,
  configDto: TelegramConfigDto,
  addressKind: AddressKind.Handle,
  secretFields: ['botToken'],
  defaultRateLimit: { max: 30, durationMs: 1000 },
};
