import type { DestinationStream } from 'pino';

/** What every line carries and the pretty format shows in its own place, or not at all. */
const SHOWN_APART = new Set(['time', 'level', 'msg', 'context', 'app', 'pid', 'hostname', 'stack', 'err']);

/**
 * One log entry (pino's JSON) as one readable line: `12:04:05.123 WARN  [Router] message key=value`,
 * with a stack, if any, on the lines below. For a developer's terminal, not for collectors.
 */
export function formatPrettyLine(entry: Record<string, unknown>): string {
  const time = typeof entry.time === 'string' ? localTime(new Date(entry.time)) : '';
  const level = String(entry.level ?? 'info')
    .toUpperCase()
    .padEnd(5);
  const context = entry.context ? `[${String(entry.context)}] ` : '';
  const fields = Object.entries(entry)
    .filter(([name]) => !SHOWN_APART.has(name))
    .map(([name, value]) => `${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const err = entry.err as { stack?: string } | undefined;
  const stack = typeof entry.stack === 'string' ? entry.stack : err?.stack;
  const line = [time, level, `${context}${String(entry.msg ?? '')}`, ...fields].filter(Boolean).join(' ');
  return stack ? `${line}\n${stack}` : line;
}

/** `HH:MM:SS.mmm` in the machine's time zone: a terminal reader's clock, not UTC. */
function localTime(date: Date): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** A pino destination that writes each entry to `target` as formatPrettyLine renders it. */
export function prettyDestination(target: DestinationStream): DestinationStream {
  return {
    write(line: string) {
      target.write(`${formatPrettyLine(JSON.parse(line) as Record<string, unknown>)}\n`);
    },
  };
}
