import { createHash, createHmac } from 'node:crypto';
import {
  type FeishuConfigDto,
  FeishuMode,
  type FeishuReceiveIdType,
  type FeishuUrgentKind,
} from '@herald/contracts';
import { DeliveryError, type OutboundDelivery } from '@herald/worker-kit';
import { type FeishuCard, feishuCard } from './feishu-card.js';

export const FEISHU_API_URL = 'https://open.feishu.cn';

/** A custom bot's message: signed in the body when the bot has a secret. */
export interface FeishuWebhookPayload {
  mode: FeishuMode.Webhook;
  url: string;
  body: { timestamp?: string; sign?: string; msg_type: 'interactive'; card: FeishuCard };
}

/** An app's messages, one per recipient, and the urgent alert to raise on each once sent. */
export interface FeishuAppPayload {
  mode: FeishuMode.App;
  messages: FeishuAppMessage[];
}

export interface FeishuAppMessage {
  receiveId: string;
  /** `POST /open-apis/im/v1/messages?receive_id_type=...`; the bearer token is added when sending. */
  url: string;
  body: { receive_id: string; msg_type: 'interactive'; content: string; uuid: string };
  /** Absent when no urgent alert is asked for, or the recipient is no user (a chat, an email). */
  urgent?: { kind: FeishuUrgentKind; userIdType: UrgentUserIdType; userId: string };
}

export type FeishuPayload = FeishuWebhookPayload | FeishuAppPayload;

type UrgentUserIdType = 'open_id' | 'user_id' | 'union_id';
const URGENT_USER_ID_TYPES: readonly string[] = ['open_id', 'user_id', 'union_id'];

/**
 * What goes to Feishu for the delivery. A custom bot gets the card in the body, with `timestamp`
 * and `sign` when it has a secret (`now` is only there for specs). An app sends the card to the
 * user's open_id for a user delivery, else to each of the notifier's `receiveIds`; each message
 * carries a `uuid` made of the delivery id and the recipient, which Feishu de-duplicates on for an
 * hour, so a retried attempt never posts a second copy.
 */
export function buildFeishuPayload(
  delivery: OutboundDelivery,
  config: FeishuConfigDto,
  now: number = Date.now(),
): FeishuPayload {
  const card = feishuCard(delivery);
  if (config.mode === FeishuMode.Webhook) {
    if (delivery.user) {
      throw DeliveryError.permanent(
        'a Feishu custom bot posts to its group only; user deliveries need an app notifier',
      );
    }
    const timestamp = String(Math.floor(now / 1000));
    const signature = config.webhookSecret
      ? { timestamp, sign: feishuSignature(timestamp, config.webhookSecret) }
      : {};
    return {
      mode: FeishuMode.Webhook,
      url: config.webhookUrl ?? '',
      body: { ...signature, msg_type: 'interactive', card },
    };
  }

  const content = JSON.stringify(card);
  const { type, ids } = recipientsOf(delivery, config);
  return {
    mode: FeishuMode.App,
    messages: ids.map((receiveId) => ({
      receiveId,
      url: `${apiUrlOf(config)}/open-apis/im/v1/messages?receive_id_type=${type}`,
      body: {
        receive_id: receiveId,
        msg_type: 'interactive',
        content,
        uuid: messageUuidOf(delivery.id, type, receiveId),
      },
      urgent:
        config.urgent && URGENT_USER_ID_TYPES.includes(type)
          ? { kind: config.urgent, userIdType: type as UrgentUserIdType, userId: receiveId }
          : undefined,
    })),
  };
}

/** `POST /open-apis/auth/v3/tenant_access_token/internal` for a custom (self-built) app. */
export function buildFeishuTokenRequest(config: FeishuConfigDto): {
  url: string;
  body: { app_id: string; app_secret: string };
} {
  return {
    url: `${apiUrlOf(config)}/open-apis/auth/v3/tenant_access_token/internal`,
    body: { app_id: config.appId ?? '', app_secret: config.appSecret ?? '' },
  };
}

/** `PATCH /open-apis/im/v1/messages/{id}/urgent_app|urgent_sms|urgent_phone` for the message's recipient. */
export function buildFeishuUrgentRequest(
  config: FeishuConfigDto,
  messageId: string,
  urgent: NonNullable<FeishuAppMessage['urgent']>,
): { url: string; method: 'PATCH'; body: { user_id_list: string[] } } {
  return {
    url: `${apiUrlOf(config)}/open-apis/im/v1/messages/${encodeURIComponent(messageId)}/urgent_${urgent.kind}?user_id_type=${urgent.userIdType}`,
    method: 'PATCH',
    body: { user_id_list: [urgent.userId] },
  };
}

/** base64(HMAC-SHA256 keyed with "<timestamp>\n<secret>" over nothing), as the custom bot checks it. */
export function feishuSignature(timestamp: string, secret: string): string {
  return createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');
}

/**
 * At most 50 characters: the delivery id (36) and 8 hex of the recipient. The recipient is part of
 * it because Feishu de-duplicates per app, and a delivery to several chats is several messages.
 */
export function messageUuidOf(deliveryId: string, type: string, receiveId: string): string {
  return `${deliveryId}.${createHash('sha256').update(`${type}:${receiveId}`).digest('hex').slice(0, 8)}`;
}

function recipientsOf(
  delivery: OutboundDelivery,
  config: FeishuConfigDto,
): { type: FeishuReceiveIdType; ids: string[] } {
  if (delivery.user) {
    const openId = delivery.address?.trim();
    if (!openId) throw DeliveryError.permanent(`user ${delivery.user.id} has no Feishu open_id`);
    return { type: 'open_id', ids: [openId] };
  }
  const ids = [...new Set(config.receiveIds ?? [])];
  if (ids.length === 0) throw DeliveryError.permanent('the Feishu notifier names no receiveIds to send to');
  return { type: config.receiveIdType ?? 'chat_id', ids };
}

function apiUrlOf(config: FeishuConfigDto): string {
  return (config.apiUrl ?? FEISHU_API_URL).replace(/\/+$/, '');
}
