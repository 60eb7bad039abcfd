import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';
import { EmailConfigDto } from './email-config.dto.js';
import { WebhookConfigDto } from './webhook-config.dto.js';
import { SLACK_CHANNEL } from './slack.channel.js';
import { MATTERMOST_CHANNEL } from './mattermost.channel.js';
import { ROCKETCHAT_CHANNEL } from './rocketchat.channel.js';
import { MSTEAMS_CHANNEL } from './msteams.channel.js';
import { DISCORD_CHANNEL } from './discord.channel.js';
import { TELEGRAM_CHANNEL } from './telegram.channel.js';
import { PAGERDUTY_CHANNEL } from './pagerduty.channel.js';
import { TWILIO_CHANNEL } from './twilio.channel.js';
import { IRC_CHANNEL } from './irc.channel.js';
import { GRAFANA_CHANNEL } from './grafana.channel.js';
import { PUSHOVER_CHANNEL } from './pushover.channel.js';
import { NTFY_CHANNEL } from './ntfy.channel.js';
import { GOTIFY_CHANNEL } from './gotify.channel.js';
import { SIGNAL_CHANNEL } from './signal.channel.js';
import { MATRIX_CHANNEL } from './matrix.channel.js';
import { AMQP_CHANNEL } from './amqp.channel.js';
import { MQTT_CHANNEL } from './mqtt.channel.js';
import { FEISHU_CHANNEL } from './feishu.channel.js';
import { INAPP_CHANNEL } from './inapp.channel.js';

const EMAIL_CHANNEL: ChannelDefinition = {
  name: ChannelName.Email,
  configDto: EmailConfigDto,
  addressKind: AddressKind.Email,
  secretFields: ['password'],
  defaultRateLimit: { max: 50, durationMs: 1000 },
  notifierAddress: (config) => {
    const to = Array.isArray(config.to) ? (config.to as string[]) : [];
    return to.length > 0 ? to.join(', ') : null;
  },
};

const WEBHOOK_CHANNEL: ChannelDefinition = {
  name: ChannelName.Webhook,
  configDto: WebhookConfigDto,
  addressKind: AddressKind.Notifier,
  secretFields: ['secret', 'password', 'bearerToken'],
  defaultRateLimit: { max: 200, durationMs: 1000 },
  notifierAddress: (config) => (typeof config.url === 'string' ? config.url : null),
};

/** Adding a channel = one `<name>.channel.ts` entered here + one apps/worker-<channel>. */
export const CHANNEL_REGISTRY: Record<ChannelName, ChannelDefinition> = {
  [ChannelName.Email]: EMAIL_CHANNEL,
  [ChannelName.Webhook]: WEBHOOK_CHANNEL,
  [ChannelName.Slack]: SLACK_CHANNEL,
  [ChannelName.Mattermost]: MATTERMOST_CHANNEL,
  [ChannelName.RocketChat]: ROCKETCHAT_CHANNEL,
  [ChannelName.MsTeams]: MSTEAMS_CHANNEL,
  [ChannelName.Discord]: DISCORD_CHANNEL,
  [ChannelName.Telegram]: TELEGRAM_CHANNEL,
  [ChannelName.PagerDuty]: PAGERDUTY_CHANNEL,
  [ChannelName.Twilio]: TWILIO_CHANNEL,
  [ChannelName.Irc]: IRC_CHANNEL,
  [ChannelName.Grafana]: GRAFANA_CHANNEL,
  [ChannelName.Pushover]: PUSHOVER_CHANNEL,
  [ChannelName.Ntfy]: NTFY_CHANNEL,
  [ChannelName.Gotify]: GOTIFY_CHANNEL,
  [ChannelName.Signal]: SIGNAL_CHANNEL,
  [ChannelName.Matrix]: MATRIX_CHANNEL,
  [ChannelName.Amqp]: AMQP_CHANNEL,
  [ChannelName.Mqtt]: MQTT_CHANNEL,
  [ChannelName.Feishu]: FEISHU_CHANNEL,
  [ChannelName.InApp]: INAPP_CHANNEL,
};

export const MASKED_SECRET = '$encrypted$';
