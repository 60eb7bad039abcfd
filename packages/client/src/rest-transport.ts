import type { AcceptedEventView, AdminStatusView, NotificationView } from '@herald/contracts';
import type { HeraldEvent, HeraldTransport, TriggeredEvent } from './herald-client.js';
import { HeraldRestClient } from './rest-client.js';

/** HeraldTransport over REST /v1. */
export class RestTransport implements HeraldTransport {
  private readonly rest: HeraldRestClient;

  constructor(options: { url: string; apiKey: string; timeoutMs: number }) {
    this.rest = new HeraldRestClient(options);
  }

  async trigger(event: HeraldEvent, idempotencyKey: string): Promise<Omit<TriggeredEvent, 'idempotencyKey'>> {
    const { body, headers } = await this.rest.exchange<AcceptedEventView>('POST', '/v1/events', event, {
      'idempotency-key': idempotencyKey,
    });
    return { ...body, replayed: headers.get('idempotent-replayed') === 'true' };
  }

  getNotification(id: string): Promise<NotificationView> {
    return this.rest.get(`/v1/notifications/${encodeURIComponent(id)}`);
  }

  pause(channel?: string): Promise<AdminStatusView> {
    return this.rest.request('POST', `${switchPath(channel)}/pause`);
  }

  resume(channel?: string): Promise<AdminStatusView> {
    return this.rest.request('POST', `${switchPath(channel)}/resume`);
  }

  status(): Promise<AdminStatusView> {
    return this.rest.get('/v1/admin/status');
  }

  close(): void {
    // fetch keeps no connection of ours open.
  }
}

function switchPath(channel?: string): string {
  return channel ? `/v1/admin/channels/${encodeURIComponent(channel)}` : '/v1/admin';
}
