import { DeliveryError } from '@herald/worker-kit';

/** The fields nodemailer puts on the errors it hands back (see its NodemailerError). */
interface SmtpErrorFields {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  command?: unknown;
  message?: unknown;
  /** What Node reported before nodemailer relabelled it, e.g. ECONNREFUSED under ESOCKET. */
  originalCode?: unknown;
}

// Errors no retry can fix: the notifier's config or the message itself is wrong.
const PERMANENT_CODES = new Set([
  'EAUTH', // credentials refused
  'ENOAUTH', // the server requires AUTH and the notifier has no username
  'EENVELOPE', // no usable sender or recipients
  'ECONFIG',
  'EMAXRECIPIENTS',
  'EREQUIRETLS',
  'EFILEACCESS',
  'EURLACCESS',
]);

const MAX_MESSAGE_LENGTH = 500;

/**
 * Sorts an error from nodemailer into a DeliveryError. The SMTP reply decides when there is one
 * (4xx transient, 5xx permanent, RFC 5321); otherwise the error code does. Connection, timeout,
 * socket, DNS and TLS errors are retryable, as is anything unknown.
 */
export function classifyEmailError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;

  const fields: SmtpErrorFields = typeof error === 'object' && error !== null ? error : {};
  const code = typeof fields.code === 'string' ? fields.code : undefined;
  const replyCode = typeof fields.responseCode === 'number' ? fields.responseCode : undefined;
  const options = { providerCode: replyCode !== undefined ? String(replyCode) : code, cause: error };
  const message = describe(error, fields, code);

  if (code === 'EABORT') return DeliveryError.retryable(`dispatch timeout: ${message}`, options);
  if (replyCode !== undefined && replyCode >= 400 && replyCode < 600) {
    // 503 (bad sequence of commands) is about the session state, not the message: a new
    // connection gets past it. nodemailer's own isPermanentResponseCode agrees.
    const permanent = replyCode >= 500 && replyCode !== 503;
    return permanent ? DeliveryError.permanent(message, options) : DeliveryError.retryable(message, options);
  }
  if (code !== undefined && PERMANENT_CODES.has(code)) return DeliveryError.permanent(message, options);
  return DeliveryError.retryable(message, options);
}

function describe(error: unknown, fields: SmtpErrorFields, code: string | undefined): string {
  const base = typeof fields.message === 'string' && fields.message ? fields.message : String(error);
  const reply = typeof fields.response === 'string' ? fields.response.trim() : '';
  const command = typeof fields.command === 'string' ? ` after ${fields.command}` : '';
  const original =
    typeof fields.originalCode === 'string' && fields.originalCode !== code ? fields.originalCode : '';
  // nodemailer usually repeats the reply inside the message; say it once.
  const detail = reply && !base.includes(reply) ? `${base}: ${reply}` : base;
  const label = [code, original && `(${original})`].filter(Boolean).join(' ');
  const text = `${label ? `${label} ` : ''}${detail}${command}`;
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : text;
}
