import type { SlackConfigDto } from '@herald/contracts';
import { markdownToText } from '@herald/templates';
import { DeliveryError, type OutboundDelivery } from '@herald/worker-kit';
import { escapeMrkdwn, markdownToMrkdwn } from './markdown-to-mrkdwn.js';

export const SLACK_API_URL = 'https://slack.com/api';

/** The two ways a Slack notifier sends; their answers differ (JSON `ok` vs plain-text errors). */
export enum SlackVia {
  WebApi = 'web_api',
  Webhook = 'webhook',
}

interface PlainText {
  type: 'plain_text';
  text: string;
  emoji: true;
}

export interface SlackButton {
  type: 'button';
  text: PlainText;
  url: string;
  action_id: string;
}

export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'actions'; elements: SlackButton[] };

export interface SlackMessage {
  /** Web API only: a channel id or name, or a member id for a direct message. */
  channel?: string;
  /** What notifications and screen readers show; the blocks are what the channel shows. */
  text: string;
  blocks: SlackBlock[];
  thread_ts?: string;
}

/** One HTTP request: a notifier with several channels makes one per channel. */
export interface SlackRequest {
  via: SlackVia;
  /** Who it is for, as errors name it: `#ops`, `U024BE7LH`, `webhook`. */
  target: string;
  url: string;
  headers: Record<string, string>;
  body: SlackMessage;
}

// Block Kit limits (https://docs.slack.dev/reference/block-kit): past them Slack answers
// invalid_blocks and the whole message is refused.
const MAX_BLOCKS = 50;
const MAX_HEADER = 150;
const MAX_SECTION = 3000;
const MAX_BUTTONS = 25;
const MAX_BUTTON_LABEL = 75;
const MAX_BUTTON_URL = 3000;

export function buildSlackPayload(delivery: OutboundDelivery, config: SlackConfigDto): SlackRequest[] {
  const message = slackMessage(delivery);
  if (config.webhookUrl) {
    if (delivery.user) {
      throw DeliveryError.permanent(
        'a Slack incoming webhook posts only to its own channel; give the default Slack notifier a bot token to reach users',
      );
    }
    return [
      {
        via: SlackVia.Webhook,
        target: 'webhook',
        url: config.webhookUrl,
        headers: { 'Content-Type': 'application/json' },
        body: message,
      },
    ];
  }

  const url = `${(config.apiUrl ?? SLACK_API_URL).replace(/\/+$/, '')}/chat.postMessage`;
  const headers = {
    // Without the charset Slack adds a `missing_charset` warning to every answer.
    'Content-Type': 'application/json; charset=utf-8',
    Authorization: `Bearer ${config.botToken}`,
  };
  // The thread belongs to a channel of the notifier; a user's direct message has no such thread.
  const threadTs = delivery.user ? undefined : config.threadTs;
  return targetsOf(delivery, config).map((target) => ({
    via: SlackVia.WebApi,
    target,
    url,
    headers,
    body: { channel: target, ...message, ...(threadTs ? { thread_ts: threadTs } : {}) },
  }));
}

function targetsOf(delivery: OutboundDelivery, config: SlackConfigDto): string[] {
  if (delivery.user) {
    if (!delivery.address) throw DeliveryError.permanent(`user ${delivery.user.id} has no Slack member id`);
    return [delivery.address];
  }
  if (!config.channels?.length) throw DeliveryError.permanent('the Slack notifier names no channels');
  return config.channels;
}

function slackMessage({ message, notification }: OutboundDelivery): SlackMessage {
  const title = markdownToText(message.title);
  const blocks: SlackBlock[] = [];
  if (title) blocks.push({ type: 'header', text: plainText(title, MAX_HEADER) });
  const buttons = notification.actions
    .filter((action) => action.url.length <= MAX_BUTTON_URL)
    .slice(0, MAX_BUTTONS)
    .map(({ label, url }, index): SlackButton => ({
      type: 'button',
      text: plainText(label, MAX_BUTTON_LABEL),
      url,
      action_id: `herald-action-${index}`,
    }));
  const room = MAX_BLOCKS - blocks.length - (buttons.length > 0 ? 1 : 0);
  for (const text of sections(markdownToMrkdwn(message.markdown), room)) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text } });
  }
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  return { text: escapeMrkdwn(title || message.text), blocks };
}

function plainText(text: string, max: number): PlainText {
  return { type: 'plain_text', text: clip(text, max), emoji: true };
}

/** The body cut into section-sized pieces, at a line break where there is one. */
function sections(mrkdwn: string, maxCount: number): string[] {
  const pieces: string[] = [];
  let rest = mrkdwn.trim();
  while (rest && pieces.length < maxCount) {
    if (rest.length <= MAX_SECTION) {
      pieces.push(rest);
      break;
    }
    const lineBreak = rest.lastIndexOf('\n', MAX_SECTION);
    const at = lineBreak > 0 ? lineBreak : MAX_SECTION;
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  return pieces;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
