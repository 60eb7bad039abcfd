import type { MattermostConfigDto } from '@herald/contracts';
import { markdownToText } from '@herald/templates';
import { DeliveryError, type OutboundDelivery } from '@herald/worker-kit';

/** The incoming-webhook fields Herald sets (https://developers.mattermost.com/integrate/webhooks/incoming/). */
export interface MattermostMessage {
  /** Markdown. */
  text: string;
  /** A channel name, or `@username` for a direct message; absent: the webhook's own channel. */
  channel?: string;
  username?: string;
  icon_url?: string;
}

export interface MattermostRequest {
  url: string;
  headers: Record<string, string>;
  body: MattermostMessage;
}

export function buildMattermostPayload(
  delivery: OutboundDelivery,
  config: MattermostConfigDto,
): MattermostRequest {
  const channel = channelOf(delivery, config);
  return {
    url: config.webhookUrl,
    headers: { 'Content-Type': 'application/json' },
    body: {
      text: mattermostText(delivery),
      ...(channel ? { channel } : {}),
      ...(config.username ? { username: config.username } : {}),
      ...(config.iconUrl ? { icon_url: config.iconUrl } : {}),
    },
  };
}

function channelOf({ user, address }: OutboundDelivery, config: MattermostConfigDto): string | undefined {
  if (!user) return config.channel;
  if (!address) throw DeliveryError.permanent(`user ${user.id} has no Mattermost username`);
  return `@${address.replace(/^@/, '')}`;
}

/** The title in bold (`**`: a single `*` is italic in Mattermost), the body, then the actions as links. */
function mattermostText({ message, notification }: OutboundDelivery): string {
  const title = markdownToText(message.title);
  const links = notification.actions.map(({ label, url }) => markdownLink(label, url));
  return [title && `**${title}**`, message.markdown.trim(), links.join(' · ')].filter(Boolean).join('\n\n');
}

/** A bracket in the label or a parenthesis or space in the url would end the link early. */
function markdownLink(label: string, url: string): string {
  const target = url.replace(
    /[()\s]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `[${label.replace(/[[\]]/g, '\\$&')}](${target})`;
}
