import type { MqttConfigDto } from '@herald/contracts';
import { markdownToText } from '@herald/templates';
import type { OutboundDelivery } from '@herald/worker-kit';

/** One PUBLISH: the topic, the JSON document and how it is delivered. */
export interface MqttPublish {
  topic: string;
  payload: string;
  options: { qos: 0 | 1 | 2; retain: boolean };
}

export function buildMqttPayload(delivery: OutboundDelivery, config: MqttConfigDto): MqttPublish {
  return {
    topic: config.topic,
    payload: JSON.stringify(heraldMessageBody(delivery)),
    options: { qos: config.qos ?? 1, retain: config.retain ?? false },
  };
}

/** Herald's message document, field for field the AMQP worker's (see its README). */
export function heraldMessageBody({ id, message, notification, user }: OutboundDelivery) {
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
