import { ChannelName, type PagerDutyConfigDto } from '@herald/contracts';
import {
  type AdapterContext,
  type ChannelAdapter,
  channelConfigOf,
  DeliveryError,
  HttpSender,
  type HttpSenderOptions,
  jsonBodyOf,
  type OutboundDelivery,
  type OutboundNotifier,
  type SendResult,
} from '@herald/worker-kit';
import { buildPagerDutyPayload, resolvesIncident } from './build-pagerduty-payload.js';
import { classifyPagerDutyError } from './classify-pagerduty-error.js';

/** Finds the notification whose incident a `success` resolves (Herald's deliveries table). */
export interface IncidentLookup {
  lastSentNotificationId(query: {
    notifierId: string;
    source: { kind: string; id: string };
    triggers: string[];
    before: Date;
  }): Promise<string | null>;
}

export interface PagerDutyAdapterOptions extends HttpSenderOptions {
  /** Where earlier incidents are looked up; the worker's database when not given. */
  incidents?: IncidentLookup;
}

/** What the send resolves with when a `success` has no incident of this notifier to close. */
export const NO_INCIDENT = 'no_incident';

/** Triggers and resolves PagerDuty alerts through the Events API v2. */
export class PagerDutyAdapter implements ChannelAdapter {
  readonly channel = ChannelName.PagerDuty;
  private readonly http: HttpSender;
  private incidents: IncidentLookup | undefined;

  constructor({ incidents, ...httpOptions }: PagerDutyAdapterOptions = {}) {
    this.http = new HttpSender(httpOptions);
    this.incidents = incidents;
  }

  async init({ data }: AdapterContext): Promise<void> {
    this.incidents ??= data.deliveries;
  }

  async send(
    delivery: OutboundDelivery,
    notifier: OutboundNotifier,
    signal: AbortSignal,
  ): Promise<SendResult> {
    const config = channelConfigOf<PagerDutyConfigDto>(ChannelName.PagerDuty, notifier);
    let resolving: { dedupKey: string } | undefined;
    if (resolvesIncident(delivery)) {
      const dedupKey = await this.openedIncidentOf(delivery, notifier);
      // Nothing was opened, so nothing is left to close: done, not failed.
      if (dedupKey === null) return { providerCode: NO_INCIDENT };
      resolving = { dedupKey };
    }

    const { url, body } = buildPagerDutyPayload(delivery, config, resolving);
    const response = await this.http.postJson(url, body, signal);
    const failure = classifyPagerDutyError({ response });
    if (failure) throw failure;
    const answered = jsonBodyOf<{ dedup_key?: unknown }>(response.body)?.dedup_key;
    return {
      providerCode: String(response.status),
      providerMessageId: typeof answered === 'string' ? answered : body.dedup_key,
    };
  }

  async close(): Promise<void> {
    await this.http.close();
  }

  /** The dedup key (notification id) of the last `error` of the same source sent through this notifier. */
  private async openedIncidentOf(
    delivery: OutboundDelivery,
    notifier: OutboundNotifier,
  ): Promise<string | null> {
    const { source, createdAt } = delivery.notification;
    if (!source) return null;
    if (!this.incidents) {
      throw DeliveryError.permanent('PagerDuty resolve needs the database: the adapter was not initialised');
    }
    return this.incidents.lastSentNotificationId({
      notifierId: notifier.id,
      source,
      triggers: ['error'],
      before: createdAt,
    });
  }
}
