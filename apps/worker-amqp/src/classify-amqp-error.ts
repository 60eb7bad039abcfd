import { classifyTransportError, DeliveryError } from '@herald/worker-kit';

/** How one confirmed publish ended. */
export type AmqpOutcome =
  | { confirmed: true }
  /** `basic.return` before the ack: the mandatory message reached no queue. */
  | { returned: { replyCode: number; replyText: string } }
  /** `basic.nack`: the broker could not take the message (an internal error, a full queue in reject-publish mode). */
  | { nacked: true }
  /** The channel or connection failed, or could not be opened. */
  | { error: unknown };

export interface AmqpTarget {
  exchange: string;
  routingKey: string;
}

// AMQP 0-9-1 reply codes (RabbitMQ's close reasons) that the same publish would meet again.
const PERMANENT_CODES = new Set([
  311, // CONTENT_TOO_LARGE
  403, // ACCESS_REFUSED: credentials, or no write permission on the exchange
  404, // NOT_FOUND: no such exchange
  406, // PRECONDITION_FAILED: e.g. a message over max_message_size
  530, // NOT_ALLOWED: no such vhost, or no access to it
]);
const NOT_ALLOWED = 530;

/**
 * Sorts a publish outcome: null once the broker confirmed a routed message. An unroutable message
 * (no queue bound) and closes for access, a missing exchange or vhost are permanent; a nack and
 * network or broker trouble (refused, reset, timeout, a forced close) are retryable.
 */
export function classifyAmqpError(outcome: AmqpOutcome, target: AmqpTarget): DeliveryError | null {
  if ('confirmed' in outcome) return null;
  if ('returned' in outcome) {
    const { replyCode, replyText } = outcome.returned;
    return DeliveryError.permanent(
      `no queue bound to exchange "${target.exchange}" with routing key "${target.routingKey}" (${replyCode} ${replyText})`,
      { providerCode: String(replyCode) },
    );
  }
  if ('nacked' in outcome) {
    return DeliveryError.retryable('the broker refused the message (basic.nack)', { providerCode: 'nack' });
  }
  const { error } = outcome;
  if (error instanceof DeliveryError) return error;
  if (error instanceof RangeError || error instanceof TypeError) {
    // amqplib's own refusals of what we asked (a header table over 64 KiB): the config's doing.
    return DeliveryError.permanent(`AMQP publish refused: ${error.message}`, { cause: error });
  }
  const replyCode = replyCodeOf(error);
  if (replyCode === undefined) return classifyTransportError(error);
  const detail = (error as Error).message.startsWith('Expected ConnectionOpenOk')
    ? 'the broker refused to open the vhost: it does not exist, or the user may not use it'
    : (error as Error).message;
  const message = `AMQP ${detail}`;
  const options = { providerCode: String(replyCode), cause: error };
  return PERMANENT_CODES.has(replyCode) && concernsTarget(error as Error, target)
    ? DeliveryError.permanent(message, options)
    : DeliveryError.retryable(message, options);
}

/**
 * amqplib sets `code` on channel and connection closes; a refused handshake only says it in the
 * message: `Handshake terminated by server: 403 (ACCESS-REFUSED) with message "..."`.
 */
function replyCodeOf(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code } = error as Error & { code?: unknown };
  if (typeof code === 'number') return code;
  const stated = /: (\d{3}) \([A-Z-]+\)/.exec(error.message);
  if (stated) return Number(stated[1]);
  // RabbitMQ refuses connection.open only with 530 NOT_ALLOWED (no such vhost, or no access to
  // it), and amqplib reports that close without its fields.
  return /^Expected ConnectionOpenOk; got <ConnectionClose\b/.test(error.message) ? NOT_ALLOWED : undefined;
}

/**
 * A channel close fails every publish in flight on it, not only the one that caused it. RabbitMQ
 * names the exchange it refused (`NOT_FOUND - no exchange 'audit' in vhost '/'`): when that is
 * another notifier's exchange, this message was innocent and is tried again.
 */
function concernsTarget(error: Error, target: AmqpTarget): boolean {
  const named = /\bexchange '([^']*)'/.exec(error.message);
  return !named || named[1] === target.exchange;
}
