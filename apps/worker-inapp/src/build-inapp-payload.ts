import type { InAppConfigDto } from '@herald/contracts';
import type { NewInboxItem } from '@herald/data';
import { markdownToText } from '@herald/templates';
import { DeliveryError, type OutboundDelivery } from '@herald/worker-kit';

/** The inbox row of a delivery: the rendered message and the notification's type, data and actions. */
export function buildInAppPayload(delivery: OutboundDelivery, config: InAppConfigDto): NewInboxItem {
  if (!delivery.user) {
    // The address of a user target is the user id: with no profile beside it, the user was deleted
    // after routing. Without one it is a notifier target (an inapp notifier attached to a
    // resource), which has no inbox. No retry fixes either.
    throw DeliveryError.permanent(
      delivery.address ? `user ${delivery.address} no longer exists` : 'inapp delivers to users only',
    );
  }
  const { message, notification } = delivery;
  return {
    userId: delivery.user.id,
    deliveryId: delivery.id,
    notificationId: notification.id,
    type: notification.type,
    // Inbox lists show the title as a line of text; the body keeps its Markdown beside the text.
    title: markdownToText(message.title),
    markdown: message.markdown,
    text: message.text,
    actions: notification.actions,
    data: notification.data,
    ttlDays: config.ttlDays ?? null,
  };
}
