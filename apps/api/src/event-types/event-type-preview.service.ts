import { Injectable } from '@nestjs/common';
import {
  CHANNEL_NAMES,
  ChannelName,
  type EventTypePreviewView,
  type PreviewEventTypeDto,
  type PreviewError,
} from '@herald/contracts';
import type { EventTypeRecord } from '@herald/data';
import { MessageRenderer, resolveChannelTemplate, type TemplateContext } from '@herald/templates';
import { EventTypesService } from './event-types.service.js';

/** Renders an event type's templates with sample data, the way the router will render them. */
@Injectable()
export class EventTypePreviewService {
  private readonly renderer = new MessageRenderer();

  constructor(private readonly eventTypes: EventTypesService) {}

  async preview(name: string, sample: PreviewEventTypeDto): Promise<EventTypePreviewView> {
    const eventType = await this.eventTypes.find(name);
    const context = previewContext(name, sample);
    const view: EventTypePreviewView = { channels: {}, errors: [] };
    for (const channel of previewChannels(eventType)) {
      const template = resolveChannelTemplate(eventType.templates, channel);
      const attempt = await this.renderer.renderAll(template, context, {
        html: channel === ChannelName.Email,
      });
      if (attempt.message) {
        view.channels[channel] = attempt.message;
        continue;
      }
      view.errors.push(
        ...attempt.errors.map(({ part, ...detail }): PreviewError => ({ channel, field: part, ...detail })),
      );
    }
    return view;
  }
}

/** The channels the type sends by, and any other channel it has templates for, in registry order. */
function previewChannels(eventType: EventTypeRecord): string[] {
  const wanted = new Set([
    ...(eventType.adminMethods ?? eventType.defaultMethods),
    ...Object.keys(eventType.templates),
  ]);
  return CHANNEL_NAMES.filter((channel) => wanted.has(channel));
}

function previewContext(type: string, sample: PreviewEventTypeDto): TemplateContext {
  return {
    type,
    trigger: sample.trigger ?? null,
    source: sample.source ? { kind: sample.source.kind, id: sample.source.id } : null,
    data: sample.data ?? {},
    actions: (sample.actions ?? []).map((action) => ({ label: action.label, url: action.url })),
    notification: { id: '00000000-0000-0000-0000-000000000000', createdAt: new Date().toISOString() },
  };
}
