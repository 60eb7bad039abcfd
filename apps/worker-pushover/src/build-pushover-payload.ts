import { PUSHOVER_API_URL, type PushoverConfigDto } from '@herald/contracts';
import { markdownToText } from '@herald/templates';
import { DeliveryError, type OutboundDelivery } from '@herald/worker-kit';
import { markdownToPushoverHtml } from './pushover-html.js';

/** Pushover's documented limits, in characters. */
export const PUSHOVER_LIMITS = { message: 1024, title: 250, url: 512, urlTitle: 100 } as const;

/** The fields of `POST /1/messages.json`, as sent (form-encoded: every value is a string). */
export interface PushoverMessage {
  token: string;
  user: string;
  message: string;
  title: string;
  html?: '1';
  url?: string;
  url_title?: string;
  priority?: string;
  retry?: string;
  expire?: string;
  sound?: string;
  device?: string;
  timestamp: string;
}

export interface PushoverRequest {
  url: string;
  headers: Record<string, string>;
  /** The form-encoded `fields`, the exact bytes sent. */
  body: string;
  fields: PushoverMessage;
}

export function buildPushoverPayload(delivery: OutboundDelivery, config: PushoverConfigDto): PushoverRequest {
  const { message, notification } = delivery;
  const fields: PushoverMessage = {
    token: config.token,
    user: recipientOf(delivery, config),
    ...bodyOf(delivery),
    title: truncate(markdownToText(message.title), PUSHOVER_LIMITS.title),
    // The time of the event, not of this attempt: a retried message still says when it happened.
    timestamp: String(Math.floor(notification.createdAt.getTime() / 1000)),
  };
  const [action] = notification.actions;
  if (action && action.url.length <= PUSHOVER_LIMITS.url) {
    fields.url = action.url;
    fields.url_title = truncate(action.label, PUSHOVER_LIMITS.urlTitle);
  }
  if (config.priority !== undefined) fields.priority = String(config.priority);
  if (config.priority === 2) {
    fields.retry = String(config.retry);
    fields.expire = String(config.expire);
  }
  if (config.sound) fields.sound = config.sound;
  if (config.device) fields.device = config.device;

  return {
    url: `${(config.apiUrl ?? PUSHOVER_API_URL).replace(/\/+$/, '')}/1/messages.json`,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'Herald' },
    body: new URLSearchParams({ ...fields }).toString(),
    fields,
  };
}

/** The user's own key for a user delivery, the notifier's `userKey` otherwise. */
function recipientOf(delivery: OutboundDelivery, config: PushoverConfigDto): string {
  const user = delivery.user ? delivery.address : config.userKey;
  if (!user) {
    throw DeliveryError.permanent(
      delivery.user
        ? `user ${delivery.user.id} has no Pushover user key (addresses.pushover)`
        : 'the Pushover notifier has no userKey to send to',
    );
  }
  return user;
}

/**
 * HTML when the formatted body fits Pushover's 1024 characters; cutting HTML could leave a tag
 * open, so a longer body is sent as plain text, shortened.
 */
function bodyOf({ message, notification }: OutboundDelivery): Pick<PushoverMessage, 'message' | 'html'> {
  const html = message.markdown.trim() ? markdownToPushoverHtml(message.markdown) : '';
  if (html && html.length <= PUSHOVER_LIMITS.message) return { message: html, html: '1' };
  // Pushover refuses an empty message; say at least what happened.
  const text = message.text.trim() || markdownToText(message.title) || notification.type;
  return { message: truncate(text, PUSHOVER_LIMITS.message) };
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
