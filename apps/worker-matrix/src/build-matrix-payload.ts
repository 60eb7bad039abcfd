import { createHash } from 'node:crypto';
import { MATRIX_ROOM_ID, type MatrixConfigDto } from '@herald/contracts';
import { markdownToHtml, markdownToText } from '@herald/templates';
import { DeliveryError, type OutboundDelivery } from '@herald/worker-kit';

/** The `m.room.message` content of a text message with an HTML rendering beside the plain one. */
export interface MatrixMessageContent {
  msgtype: 'm.text' | 'm.notice';
  body: string;
  format: 'org.matrix.custom.html';
  formatted_body: string;
}

/** One `PUT /rooms/{roomId}/send/m.room.message/{txnId}`: one per room the delivery goes to. */
export interface MatrixRequest {
  roomId: string;
  txnId: string;
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
  body: MatrixMessageContent;
}

/**
 * The requests that post the delivery: to the user's room for a user delivery, else to every room
 * of the notifier. The transaction id is the delivery id (plus the room), so a retried attempt
 * repeats the same transaction and the homeserver answers the first event instead of posting again.
 */
export function buildMatrixPayload(delivery: OutboundDelivery, config: MatrixConfigDto): MatrixRequest[] {
  const body = messageContent(delivery, config);
  const base = config.homeserverUrl.replace(/\/+$/, '');
  return roomsOf(delivery, config).map((roomId) => {
    const txnId = transactionIdOf(delivery.id, roomId);
    return {
      roomId,
      txnId,
      url: `${base}/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/send/m.room.message/${encodeURIComponent(txnId)}`,
      method: 'PUT',
      headers: { Authorization: `Bearer ${config.accessToken}`, 'Content-Type': 'application/json' },
      body,
    };
  });
}

/** `<delivery id>.<room digest>`: stable across attempts, distinct per room. */
export function transactionIdOf(deliveryId: string, roomId: string): string {
  const room = createHash('sha256').update(roomId).digest('hex').slice(0, 16);
  return `${deliveryId}.${room}`;
}

function roomsOf(delivery: OutboundDelivery, config: MatrixConfigDto): string[] {
  if (delivery.user) {
    const address = delivery.address?.trim() ?? '';
    if (!MATRIX_ROOM_ID.test(address)) {
      throw DeliveryError.permanent(
        `the Matrix address of user ${delivery.user.id} must be a room id like !abc:example.org, got "${address}"`,
      );
    }
    return [address];
  }
  const rooms = config.roomIds ?? [];
  if (rooms.length === 0) throw DeliveryError.permanent('the Matrix notifier names no roomIds to send to');
  return [...new Set(rooms)];
}

function messageContent(delivery: OutboundDelivery, config: MatrixConfigDto): MatrixMessageContent {
  const { title, markdown, text } = delivery.message;
  const plainTitle = markdownToText(title);
  const htmlBody = markdown.trim() ? markdownToHtml(markdown) : '';
  return {
    msgtype: config.notice ? 'm.notice' : 'm.text',
    body: [plainTitle, text.trim()].filter(Boolean).join('\n\n'),
    format: 'org.matrix.custom.html',
    formatted_body: `${titleHtml(title)}${htmlBody}`.trim(),
  };
}

// The title renders as one paragraph; bolding its inside keeps its own links and emphasis.
function titleHtml(title: string): string {
  if (!title.trim()) return '';
  const html = markdownToHtml(title).trim();
  const paragraph = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return paragraph ? `<p><strong>${paragraph[1]}</strong></p>\n` : `${html}\n`;
}
