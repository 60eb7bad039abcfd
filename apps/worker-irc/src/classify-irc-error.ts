import { classifyTransportError, DeliveryError } from '@herald/worker-kit';
import type { IrcMessage } from './irc-message.js';

/** What ended or interrupted an IRC conversation: a reply from the server, or a socket error. */
export type IrcOutcome = { reply: IrcMessage } | { error: unknown };

/**
 * Replies that name one target (params[1]) the message could not reach. They do not fail the
 * delivery: the other targets still get it, and the attempt notes the miss (RFC 2812 §5.2, and
 * 477/489 as Libera and InspIRCd send them).
 */
export const IRC_TARGET_MISSES: Readonly<Record<string, string>> = {
  '401': 'no such nick',
  '403': 'no such channel',
  '404': 'cannot send to channel',
  '405': 'joined too many channels',
  '442': 'not on channel',
  '471': 'channel is full',
  '473': 'channel is invite only',
  '474': 'banned from channel',
  '475': 'bad channel key',
  '476': 'bad channel mask',
  '477': 'channel needs a registered nick',
  '489': 'channel needs a TLS connection',
};

// Sending again sends the same credentials or nick: an operator has to change the config.
const PERMANENT_REPLIES: Readonly<Record<string, string>> = {
  '432': 'erroneous nickname',
  '464': 'bad server password',
  '465': 'banned from the server',
  '902': 'the SASL account is locked',
  '904': 'SASL authentication failed',
  '905': 'SASL message too long',
};

const RETRYABLE_REPLIES: Readonly<Record<string, string>> = {
  '433': 'nickname in use',
  '436': 'nickname collision',
  '437': 'nickname temporarily unavailable',
  '451': 'not registered',
  '906': 'SASL authentication aborted',
};

// The ERROR a server closes with when the config is at fault: a ban (K-line, G-line, Z-line,
// "banned"), or a wrong server password, which ngIRCd reports with ERROR alone and no 464.
const REFUSED_FOR_GOOD =
  /\b[kgzd]-?lined?\b|\bbanned\b|\bbad password|\bpassword (mismatch|incorrect)|\binvalid password/i;

/**
 * Sorts what an IRC server said (or what the socket did) into a DeliveryError, or null when the
 * delivery can go on: a target miss, or a reply that changes nothing. Network trouble and the
 * server hanging up are retryable; bad credentials, a refused SASL and bans are permanent.
 */
export function classifyIrcError(outcome: IrcOutcome): DeliveryError | null {
  if ('error' in outcome) return classifyTransportError(outcome.error);
  const { command, params } = outcome.reply;
  const text = params.at(-1) ?? '';

  if (command === 'ERROR') {
    const message = `the IRC server closed the link: ${text}`;
    return REFUSED_FOR_GOOD.test(text)
      ? DeliveryError.permanent(message, { providerCode: 'ERROR' })
      : DeliveryError.retryable(message, { providerCode: 'ERROR' });
  }
  if (command === 'CAP' && params[1]?.toUpperCase() === 'NAK') {
    return DeliveryError.permanent(`the IRC server does not offer SASL (CAP NAK ${text})`, {
      providerCode: 'CAP NAK',
    });
  }
  const permanent = PERMANENT_REPLIES[command];
  if (permanent)
    return DeliveryError.permanent(replyMessage(command, permanent, text), { providerCode: command });
  const retryable = RETRYABLE_REPLIES[command];
  if (retryable)
    return DeliveryError.retryable(replyMessage(command, retryable, text), { providerCode: command });
  return null;
}

function replyMessage(code: string, meaning: string, text: string): string {
  return `IRC ${code} ${meaning}${text && text.toLowerCase() !== meaning ? `: ${text}` : ''}`;
}
