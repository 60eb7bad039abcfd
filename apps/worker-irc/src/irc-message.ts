/** One line from an IRC server, parsed (RFC 1459 §2.3.1; IRCv3 tags are dropped). */
export interface IrcMessage {
  /** `nick!user@host` or a server name; absent when the server sent no prefix. */
  source?: string;
  /** Upper case: `PRIVMSG`, `PING`, or a three-digit numeric such as `001`. */
  command: string;
  /** The trailing parameter (after ` :`) is the last one, spaces kept. */
  params: string[];
}

export function parseIrcMessage(line: string): IrcMessage | undefined {
  let rest = line.replace(/[\r\n]+$/, '');
  if (rest.startsWith('@')) rest = afterSpace(rest);
  let source: string | undefined;
  if (rest.startsWith(':')) {
    source = rest.slice(1, spaceOf(rest));
    rest = afterSpace(rest);
  }
  const params: string[] = [];
  while (rest.length > 0 && !rest.startsWith(':')) {
    params.push(rest.slice(0, spaceOf(rest)));
    rest = afterSpace(rest);
  }
  if (rest.startsWith(':')) params.push(rest.slice(1));
  const command = params.shift();
  return command ? { source, command: command.toUpperCase(), params } : undefined;
}

/** The nick of a `nick!user@host` source. */
export function nickOf(source: string | undefined): string {
  return (source ?? '').split('!')[0];
}

/**
 * Nick and channel names compare case-insensitively with the rfc1459 casemapping, the default of
 * most servers: `[]\~` are the upper case of `{}|^`.
 */
export function ircLower(name: string): string {
  return name
    .toLowerCase()
    .replace(/[[\]\\~]/g, (c) => ({ '[': '{', ']': '}', '\\': '|', '~': '^' })[c] ?? c);
}

/** A numeric reply (`001`, `433`), as opposed to a command. */
export function isNumeric(message: IrcMessage): boolean {
  return /^\d{3}$/.test(message.command);
}

function spaceOf(text: string): number {
  const index = text.indexOf(' ');
  return index === -1 ? text.length : index;
}

function afterSpace(text: string): string {
  return text.slice(spaceOf(text)).replace(/^ +/, '');
}
