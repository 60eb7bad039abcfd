import type { IrcConfigDto } from '@herald/contracts';
import { markdownToText } from '@herald/templates';
import { DeliveryError, type OutboundDelivery } from '@herald/worker-kit';

/** What one delivery says on the wire, in order, each command without its CRLF. */
export interface IrcPayload {
  /** Channels to join before messaging them (a notifier target); none for a user's nick. */
  joins: { channel: string; key?: string }[];
  messages: { target: string; lines: string[] }[];
}

/** RFC 1459 §2.3: a line, CRLF included, is at most 512 bytes as the receiving client gets it. */
export const IRC_LINE_MAX_BYTES = 512;
/** Lines a message may take per target; past this the rest is cut, so a delivery stays short. */
export const MAX_LINES_PER_TARGET = 15;
/** `<nick>_`, `<nick>__`...: how many characters the nick may grow by when the nick is in use. */
export const MAX_NICK_SUFFIX = 3;
// What the server prefixes a relayed line with, `:nick!~user@host `: a host is at most 63 bytes
// (HOSTLEN on every common server), and '~' marks a user name without ident.
const HOST_BUDGET = 63;

// Matching control characters is the point: IRC clients read them as colours, bold and CTCP.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const NICK_TARGET = /^[A-Za-z[\]\\`_^{|}][A-Za-z0-9[\]\\`_^{|}-]*$/;

export function buildIrcPayload(delivery: OutboundDelivery, config: IrcConfigDto): IrcPayload {
  const joins = delivery.user ? [] : channelsOf(config);
  const targets = delivery.user ? [nickTarget(delivery.address)] : joins.map((join) => join.channel);
  if (targets.length === 0) throw DeliveryError.permanent('the IRC notifier names no channels to send to');

  const text = textLines(delivery);
  const messages = targets.map((target) => {
    const command = `PRIVMSG ${target} :`;
    const room = IRC_LINE_MAX_BYTES - sourceBudget(config) - Buffer.byteLength(command) - 2;
    const chunks = text.flatMap((line) => splitUtf8(line, room));
    return { target, lines: capped(chunks).map((chunk) => `${command}${chunk}`) };
  });
  return { joins, messages };
}

/** The bytes the server's `:nick!~user@host ` prefix may take in front of each relayed line. */
export function sourceBudget(config: Pick<IrcConfigDto, 'nick' | 'username'>): number {
  const nick = config.nick.length + MAX_NICK_SUFFIX;
  const user = 1 + (config.username ?? config.nick).length;
  return 1 + nick + 1 + user + 1 + HOST_BUDGET + 1;
}

/**
 * Splits a line into pieces of at most `maxBytes` UTF-8 bytes, never inside a character: at the
 * last space when one falls in the second half of the piece, else at the byte limit.
 */
export function splitUtf8(line: string, maxBytes: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (Buffer.byteLength(rest) > maxBytes) {
    // At least one character, so a budget smaller than a character cannot loop forever.
    const limit = Math.max(
      fittingLength(rest, maxBytes),
      String.fromCodePoint(rest.codePointAt(0) ?? 0).length,
    );
    const space = rest.lastIndexOf(' ', limit);
    const end = space > limit / 2 ? space : limit;
    pieces.push(rest.slice(0, end).trimEnd());
    rest = rest.slice(end).trimStart();
  }
  pieces.push(rest);
  return pieces.filter((piece) => piece.length > 0);
}

/** The longest prefix, in UTF-16 units, whose UTF-8 encoding fits in `maxBytes`. */
function fittingLength(text: string, maxBytes: number): number {
  let bytes = 0;
  let length = 0;
  for (const character of text) {
    bytes += Buffer.byteLength(character);
    if (bytes > maxBytes) break;
    length += character.length;
  }
  return length;
}

/** Title, body and any action link the body lacks; control characters (colours, CTCP) removed. */
function textLines({ message, notification }: OutboundDelivery): string[] {
  const body = message.text.split(/\r\n|\r|\n/).map(clean);
  const title = clean(markdownToText(message.title));
  const lines = body[0] === title ? body : [title, ...body];
  for (const action of notification.actions) {
    if (!message.text.includes(action.url)) lines.push(clean(`${action.label}: ${action.url}`));
  }
  // IRC has no empty message: a blank line would be refused (412 ERR_NOTEXTTOSEND).
  return lines.filter((line) => line.trim().length > 0);
}

function clean(line: string): string {
  return line.replace(/\t/g, '  ').replace(CONTROL, '').trimEnd();
}

function capped(lines: string[]): string[] {
  if (lines.length <= MAX_LINES_PER_TARGET) return lines;
  const cut = lines.length - MAX_LINES_PER_TARGET + 1;
  return [...lines.slice(0, MAX_LINES_PER_TARGET - 1), `[${cut} more lines not sent]`];
}

function channelsOf(config: IrcConfigDto): IrcPayload['joins'] {
  const keys = config.channelKeys ?? {};
  return (config.channels ?? []).map((channel) => {
    const key: unknown = keys[channel];
    if (key === undefined) return { channel };
    if (typeof key !== 'string' || !/^[^\s,:\0][^\s,\0]*$/.test(key)) {
      throw DeliveryError.permanent(`invalid channel key for ${channel} in the IRC notifier config`);
    }
    return { channel, key };
  });
}

function nickTarget(address: string | null): string {
  if (address === null || !NICK_TARGET.test(address)) {
    throw DeliveryError.permanent(`not an IRC nick: ${address === null ? 'no address' : `"${address}"`}`);
  }
  return address;
}
