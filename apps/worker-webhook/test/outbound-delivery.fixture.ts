import { ChannelName, type WebhookConfigDto } from '@herald/contracts';
import type { OutboundDelivery, OutboundNotifier } from '@herald/worker-kit';
import { outboundDelivery as sharedDelivery } from '@herald/worker-kit/testing';

export function outboundDelivery(overrides: Partial<OutboundDelivery> = {}): OutboundDelivery {
  return sharedDelivery({ channel: ChannelName.Webhook, ...overrides });
}

export function webhookConfig(overrides: Partial<WebhookConfigDto> = {}): WebhookConfigDto {
  return { url: 'https://hooks.example.com/herald', ...overrides };
}

export function webhookNotifier(config: WebhookConfigDto, id = 'ntf-webhook-1'): OutboundNotifier {
  return { id, name: 'webhook_ops', type: ChannelName.Webhook, config: { ...config } };
}
