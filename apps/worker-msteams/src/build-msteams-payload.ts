import type { MsTeamsConfigDto } from '@herald/contracts';
import { markdownToText } from '@herald/templates';
import type { OutboundDelivery } from '@herald/worker-kit';

/** What goes on the wire: the Workflows trigger URL and the JSON message it expects. */
export interface MsTeamsRequest {
  url: string;
  body: MsTeamsMessage;
}

/** The Bot Framework message a Teams Workflows webhook trigger takes: one Adaptive Card. */
export interface MsTeamsMessage {
  type: 'message';
  attachments: {
    contentType: 'application/vnd.microsoft.card.adaptive';
    contentUrl: null;
    content: AdaptiveCard;
  }[];
}

export interface AdaptiveCard {
  $schema: string;
  type: 'AdaptiveCard';
  version: string;
  body: CardElement[];
  actions: { type: 'Action.OpenUrl'; title: string; url: string }[];
  msteams: { width: 'Full' };
}

export type CardElement =
  | { type: 'TextBlock'; text: string; wrap: true; weight?: 'Bolder'; size?: 'Large' }
  | { type: 'FactSet'; facts: { title: string; value: string }[] };

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
// 1.4 is the newest version every Teams client (desktop, web, mobile) renders.
export const ADAPTIVE_CARD_VERSION = '1.4';
// Teams refuses messages over about 28 KB; this leaves room for the card around the body.
export const MAX_BODY_BYTES = 20_000;

export function buildMsTeamsPayload(delivery: OutboundDelivery, config: MsTeamsConfigDto): MsTeamsRequest {
  const { message, notification } = delivery;
  const title: CardElement = {
    type: 'TextBlock',
    text: markdownToText(message.title),
    weight: 'Bolder',
    size: 'Large',
    wrap: true,
  };
  const facts = factsOf(delivery);
  const card: AdaptiveCard = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: ADAPTIVE_CARD_VERSION,
    body: [
      title,
      ...paragraphsOf(truncateUtf8(message.markdown, MAX_BODY_BYTES)),
      ...(facts.length > 0 ? [{ type: 'FactSet' as const, facts }] : []),
    ],
    actions: notification.actions.map(({ label, url }) => ({ type: 'Action.OpenUrl', title: label, url })),
    // Without it Teams squeezes the card into a narrow column.
    msteams: { width: 'Full' },
  };
  return {
    url: config.webhookUrl,
    body: {
      type: 'message',
      attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, contentUrl: null, content: card }],
    },
  };
}

// A TextBlock renders Teams' Markdown subset but joins paragraphs; one block each keeps them apart.
function paragraphsOf(markdown: string): CardElement[] {
  return markdown
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0)
    .map((text) => ({ type: 'TextBlock', text, wrap: true }));
}

function factsOf({ notification }: OutboundDelivery): { title: string; value: string }[] {
  const facts: { title: string; value: string }[] = [];
  if (notification.source) {
    facts.push({ title: 'Source', value: `${notification.source.kind} ${notification.source.id}` });
  }
  if (notification.trigger) facts.push({ title: 'Trigger', value: notification.trigger });
  return facts;
}

/** Cuts `text` to at most `maxBytes` of UTF-8, ellipsis included, never inside a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= maxBytes) return text;
  const ellipsis = '…';
  const room = new Uint8Array(maxBytes - encoder.encode(ellipsis).length);
  // encodeInto stops before a character that does not fit whole, surrogate pairs included.
  const { read } = encoder.encodeInto(text, room);
  return `${text.slice(0, read)}${ellipsis}`;
}
