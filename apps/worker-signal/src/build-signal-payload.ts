import type { SignalConfigDto } from '@herald/contracts';
import { DeliveryError, type OutboundDelivery } from '@herald/worker-kit';
import { signalMessageOf } from './signal-styled-text.js';

const E164 = /^\+[1-9]\d{6,14}$/;

/** The body of signal-cli-rest-api's `POST /v2/send`. */
export interface SignalMessage {
  message: string;
  /** The registered account that sends. */
  number: string;
  /** Phone numbers and account ids, or one `group.<id>`. */
  recipients: string[];
  text_mode: 'styled';
}

export interface SignalRequest {
  url: string;
  headers: Record<string, string>;
  body: SignalMessage;
}

export function buildSignalPayload(delivery: OutboundDelivery, config: SignalConfigDto): SignalRequest {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'User-Agent': 'Herald' };
  // The REST API has no auth of its own; deployments put it behind a proxy asking for basic auth.
  if (config.username) {
    const credentials = Buffer.from(`${config.username}:${config.password ?? ''}`, 'utf8').toString('base64');
    headers.Authorization = `Basic ${credentials}`;
  }
  return {
    url: `${config.serverUrl.replace(/\/+$/, '')}/v2/send`,
    headers,
    body: {
      message: signalMessageOf(delivery.message.title, delivery.message.markdown),
      number: config.number,
      recipients: recipientsOf(delivery, config),
      text_mode: 'styled',
    },
  };
}

/** The user's phone for a user delivery, the notifier's `recipients` otherwise. */
function recipientsOf(delivery: OutboundDelivery, config: SignalConfigDto): string[] {
  if (delivery.user) {
    const phone = delivery.address?.replace(/[\s()-]/g, '');
    if (!phone) throw DeliveryError.permanent(`user ${delivery.user.id} has no phone number for Signal`);
    if (!E164.test(phone)) {
      throw DeliveryError.permanent(
        `user ${delivery.user.id} phone ${delivery.address} is not an E.164 number`,
      );
    }
    return [phone];
  }
  if (!config.recipients?.length) throw DeliveryError.permanent('the Signal notifier has no recipients');
  return config.recipients;
}
