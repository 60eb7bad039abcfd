import type { DiscordConfigDto } from '@herald/contracts';
import { markdownToText } from '@herald/templates';
import type { OutboundDelivery } from '@herald/worker-kit';

/** What goes on the wire: the Execute Webhook URL and its JSON body. */
export interface DiscordRequest {
  url: string;
  body: DiscordWebhookBody;
}

export interface DiscordWebhookBody {
  content: string;
  username?: string;
  avatar_url?: string;
  embeds: DiscordEmbed[];
  allowed_mentions: { parse: string[] };
}

export interface DiscordEmbed {
  title: string;
  description: string;
  url?: string;
  color: number;
  fields?: { name: string; value: string; inline: boolean }[];
  timestamp: string;
}

// Discord's documented limits, counted in UTF-16 code units as JavaScript strings are.
export const MAX_CONTENT_LENGTH = 2000;
export const MAX_TITLE_LENGTH = 256;
export const MAX_DESCRIPTION_LENGTH = 4096;
export const MAX_FIELD_VALUE_LENGTH = 1024;

/** The embed's side bar by Herald's triggers; any other trigger gets Discord's blurple. */
export const EMBED_COLORS: Readonly<Record<string, number>> = {
  error: 0xe01e5a,
  success: 0x2eb67d,
  approval: 0xecb22e,
  started: 0x36c5f0,
};
export const DEFAULT_EMBED_COLOR = 0x5865f2;

export function buildDiscordPayload(delivery: OutboundDelivery, config: DiscordConfigDto): DiscordRequest {
  const { message, notification } = delivery;
  const fields = fieldsOf(delivery);
  const link = notification.actions.find((action) => /^https?:\/\//i.test(action.url));
  const embed: DiscordEmbed = {
    title: truncate(markdownToText(message.title), MAX_TITLE_LENGTH),
    description: descriptionOf(delivery),
    ...(link ? { url: link.url } : {}),
    color: colorOf(notification.trigger),
    ...(fields.length > 0 ? { fields } : {}),
    timestamp: notification.createdAt.toISOString(),
  };
  return {
    url: executeUrlOf(config.webhookUrl),
    body: {
      // Push notifications and channel previews show `content` only, never the embed.
      content: truncate(message.title, MAX_CONTENT_LENGTH),
      ...(config.username ? { username: config.username } : {}),
      ...(config.avatarUrl ? { avatar_url: config.avatarUrl } : {}),
      embeds: [embed],
      // Event data is caller-supplied: an "@everyone" in it must not ping a whole server.
      allowed_mentions: { parse: [] },
    },
  };
}

/** `wait=true` makes Discord answer with the created message, or with the error that stopped it. */
function executeUrlOf(webhookUrl: string): string {
  const url = new URL(webhookUrl);
  url.searchParams.set('wait', 'true');
  return url.toString();
}

/** The Markdown body, then the actions as links; the body gives way first so the links survive. */
function descriptionOf({ message, notification }: OutboundDelivery): string {
  const links = notification.actions
    .map(({ label, url }) => `[${escapeLabel(label)}](${escapeUrl(url)})`)
    .join(' · ');
  const body = message.markdown.trim();
  if (!links) return truncate(body, MAX_DESCRIPTION_LENGTH);
  if (!body) return truncate(links, MAX_DESCRIPTION_LENGTH);
  const room = MAX_DESCRIPTION_LENGTH - links.length - 2;
  return room > 0
    ? `${truncate(body, room)}\n\n${links}`
    : truncate(`${body}\n\n${links}`, MAX_DESCRIPTION_LENGTH);
}

function fieldsOf({ notification }: OutboundDelivery): { name: string; value: string; inline: boolean }[] {
  const fields: { name: string; value: string; inline: boolean }[] = [];
  if (notification.source) {
    const value = `${notification.source.kind} ${notification.source.id}`;
    fields.push({ name: 'Source', value: truncate(value, MAX_FIELD_VALUE_LENGTH), inline: true });
  }
  if (notification.trigger) {
    fields.push({
      name: 'Trigger',
      value: truncate(notification.trigger, MAX_FIELD_VALUE_LENGTH),
      inline: true,
    });
  }
  return fields;
}

function colorOf(trigger: string | null): number {
  return (trigger && EMBED_COLORS[trigger.toLowerCase()]) || DEFAULT_EMBED_COLOR;
}

function escapeLabel(label: string): string {
  return label.replace(/([[\]\\])/g, '\\$1');
}

// A bare ")" or space would end the Markdown link early.
function escapeUrl(url: string): string {
  return url.replace(
    /[()\s]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** At most `max` UTF-16 code units, ellipsis included, never half a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
