import { SmtpSecurity, type EmailConfigDto } from '@herald/contracts';
import { DeliveryError, type OutboundDelivery } from '@herald/worker-kit';
import type { Address, SMTPTransportOptions, SendMailOptions } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';

/** Everything nodemailer needs for one delivery: how to reach the server and what to send. */
export interface EmailPayload {
  transport: SMTPTransportOptions;
  message: SendMailOptions;
}

// Far below nodemailer's defaults (2 min connect, 10 min idle): a dead server must fail the
// attempt well inside the runtime's dispatch timeout so the error says what went wrong.
export const SMTP_TIMEOUTS = {
  connectionTimeout: 15_000,
  greetingTimeout: 15_000,
  socketTimeout: 60_000,
  dnsTimeout: 10_000,
} as const;

const FALLBACK_MESSAGE_ID_DOMAIN = 'herald.invalid';
const PLAIN_ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;
const DOMAIN = /^[A-Za-z0-9.-]+$/;

export function buildEmailPayload(delivery: OutboundDelivery, config: EmailConfigDto): EmailPayload {
  const to = recipientsOf(delivery, config);
  const { message: rendered } = delivery;
  const message: SendMailOptions = {
    from: config.from,
    to,
    subject: rendered.title,
    text: rendered.text,
    // The same id on every attempt lets the receiving side and mail logs recognise a resend.
    messageId: `<${delivery.id}@${messageIdDomain(config.from)}>`,
    headers: {
      'X-Herald-Delivery-Id': delivery.id,
      'X-Herald-Notification-Id': delivery.notification.id,
      // RFC 3834: tells vacation responders and ticket systems not to answer a notification.
      'Auto-Submitted': 'auto-generated',
    },
  };
  if (rendered.html) message.html = rendered.html;
  return { transport: transportOf(config), message };
}

function transportOf(config: EmailConfigDto): SMTPTransportOptions {
  const transport: SMTPTransportOptions = {
    host: config.host,
    port: config.port,
    // `secure` is implicit TLS (usually 465); STARTTLS starts in clear text and upgrades.
    secure: config.security === SmtpSecurity.Tls,
    requireTLS: config.security === SmtpSecurity.StartTls,
    // Without this nodemailer would still upgrade opportunistically when STARTTLS is offered,
    // which fails against servers advertising it with a broken certificate.
    ignoreTLS: config.security === SmtpSecurity.None,
    tls: { rejectUnauthorized: !config.tlsSkipVerify },
    ...SMTP_TIMEOUTS,
  };
  if (config.helo) transport.name = config.helo;
  // No method given: nodemailer picks what the server advertises (PLAIN or LOGIN).
  if (config.username) transport.auth = { user: config.username, pass: config.password ?? '' };
  return transport;
}

/** The delivery's own address (one or a comma-separated list) wins over the notifier's `to`. */
function recipientsOf(delivery: OutboundDelivery, config: EmailConfigDto): (string | Address)[] {
  const source = delivery.address?.trim() ? delivery.address : (config.to ?? []).join(', ');
  const mailboxes = addressparser(source, { flatten: true });
  const invalid = mailboxes.filter((mailbox) => !PLAIN_ADDRESS.test(mailbox.address));
  if (invalid.length > 0) {
    const shown = invalid.map((mailbox) => mailbox.address || mailbox.name).join(', ');
    throw DeliveryError.permanent(`invalid recipient address: ${shown}`, { providerCode: 'EENVELOPE' });
  }
  if (mailboxes.length === 0) {
    throw DeliveryError.permanent('no recipients: the delivery has no address and the notifier no "to"', {
      providerCode: 'EENVELOPE',
    });
  }
  return mailboxes.map(({ name, address }) => (name ? { name, address } : address));
}

function messageIdDomain(from: string): string {
  const mailbox = addressparser(from, { flatten: true })[0];
  const domain = mailbox?.address.split('@').pop() ?? '';
  return mailbox?.address.includes('@') && DOMAIN.test(domain) ? domain : FALLBACK_MESSAGE_ID_DOMAIN;
}
