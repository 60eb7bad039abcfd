import { Injectable } from '@nestjs/common';
import { ChannelName, type RenderedMessage } from '@herald/contracts';
import type { EventTypeRecord, NotificationRecord, NotifierRecord } from '@herald/data';
import {
  type MessageTemplate,
  MessageRenderer,
  resolveChannelTemplate,
  type TemplateContext,
} from '@herald/templates';

export type RenderOutcome = { message: RenderedMessage } | { error: string };

/**
 * Renders a notification for each target, once per distinct template: per channel from the event
 * type (or the readable default), or per notifier when the notifier has its own message templates.
 */
@Injectable()
export class RenderService {
  private readonly renderer = new MessageRenderer();

  /** A renderer for one notification that caches each distinct (template, channel) it renders. */
  forNotification(notification: NotificationRecord, eventType: EventTypeRecord | null): NotificationRenderer {
    return new NotificationRenderer(this.renderer, notification, eventType);
  }
}

export class NotificationRenderer {
  private readonly cache = new Map<string, Promise<RenderOutcome>>();
  private readonly context: TemplateContext;

  constructor(
    private readonly renderer: MessageRenderer,
    private readonly notification: NotificationRecord,
    private readonly eventType: EventTypeRecord | null,
  ) {
    this.context = templateContext(notification);
  }

  render(channel: ChannelName, notifier: NotifierRecord | null): Promise<RenderOutcome> {
    const own = notifierTemplate(notifier, this.notification.trigger);
    const key = own ? `notifier:${notifier!.id}:${channel}` : `channel:${channel}`;
    let outcome = this.cache.get(key);
    if (!outcome) {
      outcome = this.renderOnce(channel, own);
      this.cache.set(key, outcome);
    }
    return outcome;
  }

  private async renderOnce(
    channel: ChannelName,
    notifierOwn: Partial<MessageTemplate> | null,
  ): Promise<RenderOutcome> {
    // The event type's template part by part (channel, then `default`, then the built-in one),
    // under the notifier's own title and body when it has them.
    const template: MessageTemplate = {
      ...resolveChannelTemplate(this.eventType?.templates ?? null, channel),
      ...(notifierOwn?.title !== undefined ? { title: notifierOwn.title } : {}),
      ...(notifierOwn?.body !== undefined ? { body: notifierOwn.body } : {}),
    };
    try {
      const message = await this.renderer.render(template, this.context, {
        html: channel === ChannelName.Email,
      });
      return { message };
    } catch (error) {
      return { error: `render error: ${(error as Error).message}` };
    }
  }
}

/** A notifier's custom message for the event's trigger, else its `default` one (AWX-style custom messages). */
function notifierTemplate(
  notifier: NotifierRecord | null,
  trigger: string | null,
): Partial<MessageTemplate> | null {
  const messages = notifier?.messages;
  if (!messages) return null;
  return (trigger ? messages[trigger] : undefined) ?? messages.default ?? null;
}

function templateContext(notification: NotificationRecord): TemplateContext {
  return {
    type: notification.type,
    trigger: notification.trigger,
    source: notification.source ? { kind: notification.source.kind, id: notification.source.id } : null,
    data: notification.data,
    actions: notification.actions,
    notification: { id: notification.id, createdAt: notification.createdAt.toISOString() },
  };
}
