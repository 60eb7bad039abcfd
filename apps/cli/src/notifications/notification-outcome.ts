import { DeliveryStatus, type NotificationView } from '@herald/contracts';

/** `send --wait` fails when any delivery failed for good, even one a fallback made up for. */
export function failedDeliveries(view: NotificationView): number {
  return view.deliveries.filter((delivery) => delivery.status === DeliveryStatus.Failed).length;
}

/** A test message reached its notifier: it has deliveries and every one was sent. */
export function testMessageSent(view: NotificationView): boolean {
  return (
    view.deliveries.length > 0 && view.deliveries.every((delivery) => delivery.status === DeliveryStatus.Sent)
  );
}
