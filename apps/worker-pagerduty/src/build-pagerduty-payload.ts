import type { PagerDutyConfigDto, PagerDutySeverity } from '@herald/contracts';
import { markdownToText } from '@herald/templates';
import type { OutboundDelivery } from '@herald/worker-kit';

export const PAGERDUTY_API_URL = 'https://events.pagerduty.com';
export const MAX_SUMMARY_LENGTH = 1024;

/** Triggers that mean "the problem is over": they resolve the incident an `error` opened. */
export const RESOLVING_TRIGGERS: readonly string[] = ['success', 'resolved'];

export interface PagerDutyTriggerEvent {
  routing_key: string;
  event_action: 'trigger';
  dedup_key: string;
  payload: {
    summary: string;
    source: string;
    severity: PagerDutySeverity;
    timestamp: string;
    component?: string;
    group?: string;
    class?: string;
    custom_details: Record<string, unknown>;
  };
  links: { href: string; text: string }[];
  client: string;
}

export interface PagerDutyResolveEvent {
  routing_key: string;
  event_action: 'resolve';
  dedup_key: string;
}

export type PagerDutyEvent = PagerDutyTriggerEvent | PagerDutyResolveEvent;

export interface PagerDutyRequest {
  url: string;
  body: PagerDutyEvent;
}

/** Whether the delivery closes an incident rather than opening one. */
export function resolvesIncident(delivery: OutboundDelivery): boolean {
  const trigger = delivery.notification.trigger;
  return trigger !== null && RESOLVING_TRIGGERS.includes(trigger);
}

/**
 * The Events API v2 request. A trigger's `dedup_key` is the notification id, so a retried job
 * lands on the alert the first attempt opened instead of opening a second one. To resolve, pass
 * the dedup key of the incident to close (the id of the earlier `error` notification).
 */
export function buildPagerDutyPayload(
  delivery: OutboundDelivery,
  config: PagerDutyConfigDto,
  resolving?: { dedupKey: string },
): PagerDutyRequest {
  const url = `${(config.apiUrl ?? PAGERDUTY_API_URL).replace(/\/+$/, '')}/v2/enqueue`;
  if (resolving) {
    return {
      url,
      body: { routing_key: config.routingKey, event_action: 'resolve', dedup_key: resolving.dedupKey },
    };
  }
  const { notification, message } = delivery;
  return {
    url,
    body: {
      routing_key: config.routingKey,
      event_action: 'trigger',
      dedup_key: notification.id,
      payload: {
        summary: summaryOf(delivery),
        source: config.source ?? sourceOf(delivery),
        severity: config.severity ?? severityOf(notification.trigger),
        timestamp: notification.createdAt.toISOString(),
        ...(config.component ? { component: config.component } : {}),
        ...(config.group ? { group: config.group } : {}),
        ...(config.class ? { class: config.class } : {}),
        custom_details: {
          notification_type: notification.type,
          ...(notification.trigger ? { trigger: notification.trigger } : {}),
          message: message.text,
          data: notification.data,
        },
      },
      links: notification.actions.map(({ label, url: href }) => ({ href, text: label })),
      client: 'Herald',
    },
  };
}

export function severityOf(trigger: string | null): PagerDutySeverity {
  if (trigger === 'error') return 'error';
  if (trigger === 'warning') return 'warning';
  return 'info';
}

function summaryOf({ message, notification }: OutboundDelivery): string {
  // PagerDuty shows the summary as the alert's title: plain text, required, at most 1024 characters.
  const summary = markdownToText(message.title) || notification.type;
  return summary.length > MAX_SUMMARY_LENGTH ? `${summary.slice(0, MAX_SUMMARY_LENGTH - 1)}…` : summary;
}

function sourceOf({ notification }: OutboundDelivery): string {
  return notification.source ? `${notification.source.kind}/${notification.source.id}` : 'herald';
}
