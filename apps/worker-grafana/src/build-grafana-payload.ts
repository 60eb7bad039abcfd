import type { GrafanaConfigDto } from '@herald/contracts';
import type { OutboundDelivery } from '@herald/worker-kit';

/** Grafana's annotation document; times are epoch milliseconds. */
export interface GrafanaAnnotation {
  dashboardUID?: string;
  panelId?: number;
  time: number;
  timeEnd?: number;
  tags: string[];
  text: string;
}

export interface GrafanaRequest {
  url: string;
  headers: Record<string, string>;
  body: GrafanaAnnotation;
}

/**
 * `POST <url>/api/annotations`. The annotation marks the event's own time span when its data
 * carries one (`startsAt`, `endsAt`: ISO 8601 or epoch ms, as Alertmanager and most monitors send
 * them), else the moment the notification was accepted. It is tagged with the configured tags, the
 * event type and the trigger, so dashboards can filter on them.
 */
export function buildGrafanaPayload(delivery: OutboundDelivery, config: GrafanaConfigDto): GrafanaRequest {
  const { notification, message } = delivery;
  const startsAt = epochMsOf(notification.data.startsAt);
  const endsAt = epochMsOf(notification.data.endsAt);
  const time = startsAt ?? notification.createdAt.getTime();
  // An end only makes a region with the start it belongs to.
  const timeEnd = startsAt !== undefined && endsAt !== undefined && endsAt >= startsAt ? endsAt : undefined;
  const tags = [
    ...(config.tags ?? []),
    notification.type,
    ...(notification.trigger ? [notification.trigger] : []),
  ];

  return {
    url: `${config.url.replace(/\/+$/, '')}/api/annotations`,
    headers: { Authorization: `Bearer ${config.apiKey}`, Accept: 'application/json' },
    body: {
      ...(config.dashboardUid ? { dashboardUID: config.dashboardUid } : {}),
      ...(config.panelId !== undefined ? { panelId: config.panelId } : {}),
      time,
      ...(timeEnd !== undefined ? { timeEnd } : {}),
      tags: [...new Set(tags)],
      text: [message.title, message.markdown].filter((part) => part.length > 0).join('\n\n'),
    },
  };
}

/**
 * An event time as epoch ms: a number (or digits) is taken as ms, a string as an ISO 8601 date.
 * Zero and earlier are "not set": Alertmanager sends `0001-01-01T00:00:00Z` as the end of an alert
 * still firing.
 */
export function epochMsOf(value: unknown): number | undefined {
  let ms: number;
  if (typeof value === 'number') ms = value;
  else if (typeof value === 'string' && /^\d+$/.test(value.trim())) ms = Number(value);
  else if (typeof value === 'string') ms = Date.parse(value);
  else return undefined;
  return Number.isFinite(ms) && ms > 0 ? Math.trunc(ms) : undefined;
}
