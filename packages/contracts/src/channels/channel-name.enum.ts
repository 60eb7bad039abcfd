export enum ChannelName {
  Email = 'email',
  Webhook = 'webhook',
  Slack = 'slack',
  Mattermost = 'mattermost',
  RocketChat = 'rocketchat',
  MsTeams = 'msteams',
  Discord = 'discord',
  Telegram = 'telegram',
  PagerDuty = 'pagerduty',
  Twilio = 'twilio',
  Irc = 'irc',
  Grafana = 'grafana',
  Pushover = 'pushover',
  Ntfy = 'ntfy',
  Gotify = 'gotify',
  Signal = 'signal',
  Matrix = 'matrix',
  Amqp = 'amqp',
  Mqtt = 'mqtt',
  Feishu = 'feishu',
  InApp = 'inapp',
}

export const CHANNEL_NAMES: readonly string[] = Object.values(ChannelName);

export function isChannelName(value: string): value is ChannelName {
  return CHANNEL_NAMES.includes(value);
}
