import { randomUUID } from 'node:crypto';
import { DeliveryStatus } from '@herald/contracts';
import type { NewDelivery } from '@herald/data';
import type { NotificationRenderer } from '../rendering/render.service.js';
import type { Target } from './target.js';

/**
 * The delivery row for one target: skipped with its reason, or rendered for its channel and
 * pending. A template that does not render fails its delivery for good; it never stops the router.
 */
export async function planDelivery(
  notificationId: string,
  target: Target,
  renderer: NotificationRenderer,
  defaultMaxAttempts: number,
): Promise<NewDelivery> {
  const base: NewDelivery = {
    id: randomUUID(),
    notificationId,
    channel: target.channel,
    notifierId: target.notifier?.id ?? null,
    notifierName: target.notifier?.name ?? null,
    userId: target.userId,
    address: target.address,
    status: DeliveryStatus.Skipped,
    reason: target.skip,
    message: null,
    lastError: null,
    maxAttempts: target.notifier?.maxAttempts ?? defaultMaxAttempts,
  };
  if (target.skip) return base;
  const outcome = await renderer.render(target.channel, target.notifier);
  if ('error' in outcome) return { ...base, status: DeliveryStatus.Failed, lastError: outcome.error };
  return { ...base, status: DeliveryStatus.Pending, message: outcome.message };
}
