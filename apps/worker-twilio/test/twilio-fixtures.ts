import { ChannelName, type TwilioConfigDto } from '@herald/contracts';
import type { OutboundDelivery } from '@herald/worker-kit';
import { outboundDelivery } from '@herald/worker-kit/testing';

export const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
export const AUTH_TOKEN = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
export const BASIC_AUTH = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;

export function twilioConfig(overrides: Partial<TwilioConfigDto> = {}): TwilioConfigDto {
  return { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: '+15005550006', ...overrides };
}

/** A delivery to a user's phone. */
export function userDelivery(address = '+14155550100'): OutboundDelivery {
  return outboundDelivery({ channel: ChannelName.Twilio, address });
}

/** A delivery of a notifier attached to a resource: the numbers come from its `to`. */
export function notifierDelivery(): OutboundDelivery {
  return outboundDelivery({ channel: ChannelName.Twilio, user: null, address: null });
}

/** Twilio's error document, as its REST API answers it. */
export function twilioError(code: number, message: string, status: number): string {
  return JSON.stringify({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}
