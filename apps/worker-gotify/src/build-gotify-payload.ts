import type { GotifyConfigDto } from '@herald/contracts';
import { markdownToText } from '@herald/templates';
import type { OutboundDelivery } from '@herald/worker-kit';

/** Gotify's message extras (gotify.net/docs/msgextras): Markdown display and a click URL. */
export interface GotifyExtras {
  'client::display': { contentType: 'text/markdown' };
  'client::notification'?: { click: { url: string } };
}

/** The body of `POST /message`. */
export interface GotifyMessage {
  title: string;
  message: string;
  priority?: number;
  extras: GotifyExtras;
}

export interface GotifyRequest {
  url: string;
  headers: Record<string, string>;
  body: GotifyMessage;
}

/** The token goes in `X-Gotify-Key`, not in the URL, so it stays out of proxy access logs. */
export function buildGotifyPayload(delivery: OutboundDelivery, config: GotifyConfigDto): GotifyRequest {
  const { message, notification } = delivery;
  const extras: GotifyExtras = { 'client::display': { contentType: 'text/markdown' } };
  const [action] = notification.actions;
  if (action) extras['client::notification'] = { click: { url: action.url } };

  const body: GotifyMessage = {
    title: markdownToText(message.title),
    // Gotify refuses an empty message ("Field 'message' is required").
    message: message.markdown.trim() ? message.markdown : markdownToText(message.title) || notification.type,
    extras,
  };
  if (config.priority !== undefined) body.priority = config.priority;

  return {
    url: `${config.serverUrl.replace(/\/+$/, '')}/message`,
    headers: { 'Content-Type': 'application/json', 'User-Agent': 'Herald', 'X-Gotify-Key': config.appToken },
    body,
  };
}
