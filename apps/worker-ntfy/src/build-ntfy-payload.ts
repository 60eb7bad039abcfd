import { NTFY_SERVER_URL, type NtfyConfigDto } from '@herald/contracts';
import { markdownToText } from '@herald/templates';
import type { OutboundDelivery } from '@herald/worker-kit';

/** ntfy's default message limit is 4,096 bytes; a longer one would arrive as a file attachment. */
export const NTFY_MAX_MESSAGE_BYTES = 4096;
/** ntfy shows at most three action buttons. */
export const NTFY_MAX_ACTIONS = 3;

export interface NtfyAction {
  action: 'view';
  label: string;
  url: string;
}

/** The JSON publish body (docs.ntfy.sh/publish/#publish-as-json). */
export interface NtfyMessage {
  topic: string;
  title: string;
  message: string;
  markdown: true;
  priority?: number;
  tags?: string[];
  click?: string;
  actions?: NtfyAction[];
}

export interface NtfyRequest {
  url: string;
  headers: Record<string, string>;
  body: NtfyMessage;
}

/** A JSON publish goes to the server's root URL; the topic travels in the body. */
export function buildNtfyPayload(delivery: OutboundDelivery, config: NtfyConfigDto): NtfyRequest {
  const { message, notification } = delivery;
  const body: NtfyMessage = {
    topic: config.topic,
    title: markdownToText(message.title),
    message: truncateBytes(message.markdown, NTFY_MAX_MESSAGE_BYTES),
    markdown: true,
  };
  if (config.priority !== undefined) body.priority = config.priority;
  if (config.tags?.length) body.tags = config.tags;
  const actions = notification.actions.slice(0, NTFY_MAX_ACTIONS);
  if (actions.length > 0) {
    body.click = actions[0].url;
    body.actions = actions.map(({ label, url }) => ({ action: 'view', label, url }));
  }

  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'User-Agent': 'Herald' };
  const authorization = authorizationOf(config);
  if (authorization) headers.Authorization = authorization;

  return { url: `${(config.serverUrl ?? NTFY_SERVER_URL).replace(/\/+$/, '')}/`, headers, body };
}

/** An access token wins over a username and password: it is the narrower credential. */
function authorizationOf(config: NtfyConfigDto): string | undefined {
  if (config.token) return `Bearer ${config.token}`;
  if (config.username) {
    return `Basic ${Buffer.from(`${config.username}:${config.password ?? ''}`, 'utf8').toString('base64')}`;
  }
  return undefined;
}

/** Cut to `limit` UTF-8 bytes without splitting a character, marking the cut with "…". */
function truncateBytes(text: string, limit: number): string {
  if (Buffer.byteLength(text, 'utf8') <= limit) return text;
  const ellipsis = '…';
  let end = limit - Buffer.byteLength(ellipsis, 'utf8');
  const bytes = Buffer.from(text, 'utf8');
  // Step back off UTF-8 continuation bytes (10xxxxxx) to a character's first byte.
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end -= 1;
  return `${bytes.subarray(0, end).toString('utf8')}${ellipsis}`;
}
