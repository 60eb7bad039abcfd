import type { RocketChatConfigDto } from '@herald/contracts';
import { markdownToText } from '@herald/templates';
import { DeliveryError, type OutboundDelivery } from '@herald/worker-kit';

/**
 * The incoming-webhook fields Herald sets. Rocket.Chat takes `text` as the message, `username` as
 * its alias and `icon_url` as its avatar, the Slack-compatible names.
 */
export interface RocketChatMessage {
  text: string;
  /** `#channel` or `@username`; absent: the integration's own channel. */
  channel?: string;
  username?: string;
  icon_url?: string;
}

export interface RocketChatRequest {
  url: string;
  headers: Record<string, string>;
  body: RocketChatMessage;
}

export function buildRocketChatPayload(
  delivery: OutboundDelivery,
  config: RocketChatConfigDto,
): RocketChatRequest {
  const channel = channelOf(delivery, config);
  return {
    url: config.webhookUrl,
    headers: { 'Content-Type': 'application/json' },
    body: {
      text: rocketChatText(delivery),
      ...(channel ? { channel } : {}),
      ...(config.username ? { username: config.username } : {}),
      ...(config.iconUrl ? { icon_url: config.iconUrl } : {}),
    },
  };
}

function channelOf({ user, address }: OutboundDelivery, config: RocketChatConfigDto): string | undefined {
  if (!user) return config.channel;
  if (!address) throw DeliveryError.permanent(`user ${user.id} has no Rocket.Chat username`);
  return `@${address.replace(/^@/, '')}`;
}

/** The title in bold (`*`: what every Rocket.Chat version renders bold), the body, then the actions as links. */
function rocketChatText({ message, notification }: OutboundDelivery): string {
  const title = markdownToText(message.title);
  const links = notification.actions.map(
    ({ label, url }) => `[${label.replace(/[[\]]/g, '')}](${escapeUrl(url)})`,
  );
  return [title && `*${title}*`, message.markdown.trim(), links.join(' · ')].filter(Boolean).join('\n\n');
}

/** A parenthesis or space in the url would end the link early. */
function escapeUrl(url: string): string {
  return url.replace(
    /[()\s]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}
