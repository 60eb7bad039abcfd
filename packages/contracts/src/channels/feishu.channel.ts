import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** Feishu notifier config. */
export class FeishuConfigDto {}

export const FEISHU_CHANNEL: ChannelDefinition = {
  name: ChannelName.Feishu,
  configDto: FeishuConfigDto,
  addressKind: AddressKind.Handle,
  secretFields: ['webhookUrl', 'webhookSecret', 'appSecret'],
  defaultRateLimit: { max: 5, durationMs: 1000 },
};
