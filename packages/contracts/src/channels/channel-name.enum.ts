export enum ChannelName {
  Email = 'email',
  Webhook = 'webhook',
}

export const CHANNEL_NAMES: readonly string[] = Object.values(ChannelName);

export function isChannelName(value: string): value is ChannelName {
  return CHANNEL_NAMES.includes(value);
}
