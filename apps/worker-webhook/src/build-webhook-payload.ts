import { createHmac } from 'node:crypto';
import type { WebhookConfigDto } from '@herald/contracts';
import { DeliveryError, type OutboundDelivery } from '@herald/worker-kit';
import { markdownToText } from '@herald/templates';

/** One HTTP request, ready for the client: the body is the exact bytes that were signed. */
export interface WebhookRequest {
  url: string;
  method: 'POST' | 'PUT';
  headers: Record<string, string>;
  body: string;
}

/** The Coder-compatible body; the field order is part of the contract, keep it. */
export interface WebhookBody {
  _version: string;
  msg_id: string;
  payload: {
    _version: string;
    notification_name: string;
    user_id: string;
    user_email: string;
    user_name: string;
    user_username: string;
    actions: { label: string; url: string }[];
    labels: Record<string, string>;
    data: Record<string, unknown>;
  };
  title: string;
  body: string;
  title_markdown: string;
  body_markdown: string;
}

export const WEBHOOK_BODY_VERSION = '1.1';
export const SIGNATURE_HEADER = 'X-Herald-Signature';

// Headers Herald owns (the signature would not match, the receiver could not dedupe) or that
// describe the connection itself, which undici sets and refuses to take from a caller.
const RESERVED_HEADERS = new Set([
  'content-type',
  'x-message-id',
  SIGNATURE_HEADER.toLowerCase(),
  'content-length',
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'expect',
  'te',
  'trailer',
]);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const FORBIDDEN_IN_VALUE = /[\r\n\0]/;

export function buildWebhookPayload(delivery: OutboundDelivery, config: WebhookConfigDto): WebhookRequest {
  const url = httpUrl(config.url);
  const body = JSON.stringify(webhookBody(delivery));

  const headers = new Map<string, [string, string]>();
  const set = (name: string, value: string) => headers.set(name.toLowerCase(), [name, value]);
  set('Content-Type', 'application/json');
  set('User-Agent', 'Herald');
  for (const [name, value] of customHeaders(config.headers)) {
    if (!RESERVED_HEADERS.has(name.toLowerCase())) set(name, value);
  }
  const authorization = authorizationOf(config);
  if (authorization) set('Authorization', authorization);
  set('X-Message-Id', delivery.id);
  if (config.secret) set(SIGNATURE_HEADER, signatureOf(body, config.secret));

  return {
    url,
    method: config.method ?? 'POST',
    headers: Object.fromEntries(headers.values()),
    body,
  };
}

/** `sha256=<hex>`: HMAC-SHA256 over the exact UTF-8 body bytes, as GitHub-style receivers expect. */
export function signatureOf(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

function webhookBody(delivery: OutboundDelivery): WebhookBody {
  const { notification, user, message } = delivery;
  return {
    _version: WEBHOOK_BODY_VERSION,
    msg_id: delivery.id,
    payload: {
      _version: WEBHOOK_BODY_VERSION,
      notification_name: notification.type,
      user_id: user?.id ?? '',
      user_email: user?.email ?? '',
      user_name: user?.name ?? '',
      user_username: user?.username ?? '',
      actions: notification.actions.map(({ label, url }) => ({ label, url })),
      labels: labelsOf(delivery),
      data: notification.data,
    },
    // Receivers that show `title` as text should not see the markup (as Coder's plain `title`).
    title: markdownToText(message.title),
    body: message.text,
    title_markdown: message.title,
    body_markdown: message.markdown,
  };
}

function labelsOf({ notification }: OutboundDelivery): Record<string, string> {
  const labels: Record<string, string> = {};
  if (notification.source) {
    labels.source_kind = String(notification.source.kind);
    labels.source_id = String(notification.source.id);
  }
  if (notification.trigger) labels.trigger = String(notification.trigger);
  return labels;
}

/** Checked here so a typo fails for good at once; handed on as configured. */
function httpUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (error) {
    throw DeliveryError.permanent(`invalid webhook url: ${raw}`, {
      providerCode: 'ERR_INVALID_URL',
      cause: error,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw DeliveryError.permanent(`webhook url must be http or https, not ${url.protocol}`, {
      providerCode: 'ERR_INVALID_URL',
    });
  }
  return raw;
}

/** Bearer wins when both are configured: a token is the more specific choice. */
function authorizationOf(config: WebhookConfigDto): string | undefined {
  if (config.bearerToken) return `Bearer ${config.bearerToken}`;
  if (config.username) {
    const credentials = Buffer.from(`${config.username}:${config.password ?? ''}`, 'utf8').toString('base64');
    return `Basic ${credentials}`;
  }
  return undefined;
}

/** The DTO only checks that `headers` is an object; a bad entry is a config error, never a retry. */
function customHeaders(headers: WebhookConfigDto['headers']): [string, string][] {
  return Object.entries(headers ?? {}).map(([name, raw]: [string, unknown]) => {
    const value = typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : raw;
    if (!TOKEN.test(name) || typeof value !== 'string' || FORBIDDEN_IN_VALUE.test(value)) {
      throw DeliveryError.permanent(`invalid custom header "${name}" in the webhook config`);
    }
    return [name, value];
  });
}
