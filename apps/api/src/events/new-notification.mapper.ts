import type { CreateEventDto } from '@herald/contracts';
import type { NewNotification } from '@herald/data';

/**
 * The row stored for an accepted event. The DTO's class instances are copied field by field into
 * plain objects, so the JSON columns hold exactly the validated fields.
 */
export function toNewNotification(
  event: CreateEventDto,
  ids: { id: string; idempotencyKey: string | null; apiKeyId: string },
): NewNotification {
  const { source } = event;
  return {
    id: ids.id,
    type: event.type,
    source: source
      ? {
          kind: source.kind,
          id: source.id,
          ...(source.ancestors ? { ancestors: source.ancestors.map(({ kind, id }) => ({ kind, id })) } : {}),
        }
      : null,
    trigger: event.trigger ?? null,
    data: event.data ?? {},
    actions: (event.actions ?? []).map(({ label, url }) => ({ label, url })),
    recipients: (event.recipients ?? []).map(({ userId, email }) => ({
      ...(userId !== undefined ? { userId } : {}),
      ...(email !== undefined ? { email } : {}),
    })),
    channels: event.channels ?? null,
    idempotencyKey: ids.idempotencyKey,
    apiKeyId: ids.apiKeyId,
  };
}
