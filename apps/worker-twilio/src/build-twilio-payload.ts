import { TWILIO_E164_PATTERN, type TwilioConfigDto, TwilioMode } from '@herald/contracts';
import { escapeHtml, markdownToText } from '@herald/templates';
import { DeliveryError, type OutboundDelivery } from '@herald/worker-kit';

export const TWILIO_API_URL = 'https://api.twilio.com';
/** Twilio refuses a longer `Body` (error 21617). */
export const MAX_SMS_LENGTH = 1600;
/** Keeps the `Twiml` well under Twilio's 4000 characters whatever the escaping adds. */
export const MAX_SPOKEN_LENGTH = 500;

/** One Messages or Calls request: one per number, as Twilio takes a single `To`. */
export interface TwilioRequest {
  to: string;
  url: string;
  headers: Record<string, string>;
  /** `application/x-www-form-urlencoded`, as Twilio's 2010-04-01 API wants. */
  body: string;
}

/**
 * The requests for a delivery: to the user's phone when it targets a user, else to each number of
 * the notifier's `to`. SMS carry the title and the plain-text body; calls say the title.
 */
export function buildTwilioPayload(delivery: OutboundDelivery, config: TwilioConfigDto): TwilioRequest[] {
  const mode = config.mode ?? TwilioMode.Sms;
  const base = (config.apiUrl ?? TWILIO_API_URL).replace(/\/+$/, '');
  const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/${mode === TwilioMode.Call ? 'Calls' : 'Messages'}.json`;
  const headers = {
    Authorization: `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`,
    'Content-Type': 'application/x-www-form-urlencoded',
  };
  const content = mode === TwilioMode.Call ? callFields(delivery, config) : smsFields(delivery, config);
  return recipientsOf(delivery, config).map((to) => ({
    to,
    url,
    headers,
    body: new URLSearchParams({ To: to, ...content }).toString(),
  }));
}

/** The numbers to send to, each checked: a bad one would only earn a Twilio 21211 per attempt. */
export function recipientsOf(delivery: OutboundDelivery, config: TwilioConfigDto): string[] {
  const numbers = delivery.user ? [delivery.address ?? ''] : [...new Set(config.to ?? [])];
  if (numbers.length === 0 || numbers.every((number) => number === '')) {
    throw DeliveryError.permanent(
      delivery.user
        ? `user ${delivery.user.id} has no phone number`
        : 'the Twilio notifier has no `to` numbers',
      { providerCode: 'no_address' },
    );
  }
  const invalid = numbers.filter((number) => !TWILIO_E164_PATTERN.test(number));
  if (invalid.length > 0) {
    throw DeliveryError.permanent(`not an E.164 phone number: ${invalid.join(', ')}`, {
      providerCode: 'invalid_address',
    });
  }
  return numbers;
}

function smsFields({ message }: OutboundDelivery, config: TwilioConfigDto): Record<string, string> {
  // A Messaging Service picks the sender from its own pool; `from` may then be there for calls only.
  const sender: Record<string, string> = config.messagingServiceSid
    ? { MessagingServiceSid: config.messagingServiceSid }
    : { From: config.from ?? '' };
  const title = markdownToText(message.title);
  const text = [title, message.text].filter((part) => part.length > 0).join('\n\n');
  return { ...sender, Body: truncate(text, MAX_SMS_LENGTH) };
}

function callFields(
  { message, notification }: OutboundDelivery,
  config: TwilioConfigDto,
): Record<string, string> {
  const spoken = truncate(markdownToText(message.title) || notification.type, MAX_SPOKEN_LENGTH);
  return { From: config.from ?? '', Twiml: `<Response><Say>${escapeHtml(spoken)}</Say></Response>` };
}

/** Cut to `max` UTF-16 units (what Twilio counts) without splitting an emoji's surrogate pair. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(text[end - 1])) end -= 1;
  return `${text.slice(0, end)}…`;
}
