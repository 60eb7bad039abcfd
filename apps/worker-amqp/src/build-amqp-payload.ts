import type { AmqpConfigDto } from '@herald/contracts';
import { markdownToText } from '@herald/templates';
import { DeliveryError, type OutboundDelivery } from '@herald/worker-kit';

/** What goes to the broker: `basic.publish` arguments and the message properties. */
export interface AmqpPublish {
  exchange: string;
  routingKey: string;
  /** The JSON document, as the message body. */
  content: string;
  properties: {
    persistent: true;
    mandatory: true;
    messageId: string;
    /** Seconds since the epoch, as AMQP timestamps are: when the notification was created. */
    timestamp: number;
    type: string;
    contentType: string;
    appId: 'herald';
    headers: Record<string, string | number | boolean>;
  };
}

/** The message body; the same document the MQTT worker publishes. */
export interface HeraldMessageBody {
  deliveryId: string;
  title: string;
  titleMarkdown: string;
  body: string;
  bodyMarkdown: string;
  notification: {
    id: string;
    type: string;
    data: Record<string, unknown>;
    actions: { label: string; url: string }[];
    source: { kind: string; id: string } | null;
    trigger: string | null;
    createdAt: string;
  };
  user: { id: string; email: string | null; name: string | null; username: string | null } | null;
}

export const HERALD_HEADER_PREFIX = 'x-herald-';

export function buildAmqpPayload(delivery: OutboundDelivery, config: AmqpConfigDto): AmqpPublish {
  const { notification } = delivery;
  return {
    exchange: config.exchange,
    routingKey: config.routingKey,
    content: JSON.stringify(heraldMessageBody(delivery)),
    properties: {
      persistent: true,
      mandatory: true,
      messageId: delivery.id,
      timestamp: Math.floor(notification.createdAt.getTime() / 1000),
      type: notification.type,
      contentType: config.contentType ?? 'application/json',
      appId: 'herald',
      headers: {
        ...customHeaders(config.headers),
        [`${HERALD_HEADER_PREFIX}notification-id`]: notification.id,
        [`${HERALD_HEADER_PREFIX}attempt`]: delivery.attemptNumber,
      },
    },
  };
}

export function heraldMessageBody({ id, message, notification, user }: OutboundDelivery): HeraldMessageBody {
  return {
    deliveryId: id,
    title: markdownToText(message.title),
    titleMarkdown: message.title,
    body: message.text,
    bodyMarkdown: message.markdown,
    notification: {
      id: notification.id,
      type: notification.type,
      data: notification.data,
      actions: notification.actions.map(({ label, url }) => ({ label, url })),
      source: notification.source,
      trigger: notification.trigger,
      createdAt: notification.createdAt.toISOString(),
    },
    user: user && { id: user.id, email: user.email, name: user.name, username: user.username },
  };
}

/** The DTO only checks for an object; Herald's own `x-herald-*` headers cannot be replaced. */
function customHeaders(headers: AmqpConfigDto['headers']): Record<string, string | number | boolean> {
  const accepted: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(headers ?? {}) as [string, unknown][]) {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw DeliveryError.permanent(
        `invalid header "${name}" in the AMQP notifier config: not a string, number or boolean`,
      );
    }
    if (!name.toLowerCase().startsWith(HERALD_HEADER_PREFIX)) accepted[name] = value;
  }
  return accepted;
}
