import type { LoggerService } from '@nestjs/common';
import type { Level, Logger } from 'pino';
import { createLogger } from './create-logger.js';
import { logSettingsFrom } from './log-settings.js';

const STACK = /^.+\n\s+at .+:\d+:\d+/s;

/**
 * Nest's LoggerService on pino: every `new Logger('X').log(...)` in the apps becomes one JSON line
 * with `context: "X"`. A message may be an object (its `msg` or `message` is the text, the rest
 * fields) or an Error; extra object parameters become fields.
 */
export class PinoNestLogger implements LoggerService {
  constructor(readonly pino: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params, true);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params, true);
  }

  private write(level: Level, message: unknown, params: unknown[], mayHaveStack = false): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const { context, stack, fields } = splitParams(params, mayHaveStack);
    const entry: Record<string, unknown> = { ...(context ? { context } : {}), ...fields };
    let text: string;
    if (message instanceof Error) {
      entry.err = message;
      text = message.message;
    } else if (typeof message === 'object' && message !== null) {
      const { msg, message: inner, ...rest } = message as Record<string, unknown>;
      Object.assign(entry, rest);
      text = String(msg ?? inner ?? '');
    } else {
      text = String(message);
    }
    if (stack) entry.stack = stack;
    this.pino[level](entry, text);
  }
}

/**
 * Nest's calling convention: the context, when the Logger has one, is the last parameter; an
 * error's first parameter is its stack (or undefined). A lone string after an error message is a
 * stack if it reads like one, else a context, as Nest's ConsoleLogger decides.
 */
function splitParams(
  params: unknown[],
  mayHaveStack: boolean,
): { context?: string; stack?: string; fields: Record<string, unknown> } {
  const rest = [...params];
  let context: string | undefined;
  const last = rest[rest.length - 1];
  const loneStack = mayHaveStack && rest.length === 1 && typeof last === 'string' && STACK.test(last);
  if (typeof last === 'string' && !loneStack) context = rest.pop() as string;
  let stack: string | undefined;
  if (mayHaveStack && rest.length > 0 && (typeof rest[0] === 'string' || rest[0] === undefined)) {
    stack = rest.shift() as string | undefined;
  }
  const fields: Record<string, unknown> = {};
  const extra: unknown[] = [];
  for (const param of rest) {
    if (param instanceof Error) fields.err = param;
    else if (typeof param === 'object' && param !== null && !Array.isArray(param))
      Object.assign(fields, param);
    else if (param !== undefined) extra.push(param);
  }
  if (extra.length > 0) fields.extra = extra;
  return { context, stack, fields };
}

/**
 * The logger an app's entry point installs before anything logs: settings from
 * `HERALD_LOG_FORMAT`/`HERALD_LOG_LEVEL` (throws LogSettingsError naming a bad one).
 */
export function appLogger(app: string, source: Record<string, string | undefined>): PinoNestLogger {
  return new PinoNestLogger(createLogger({ app, settings: logSettingsFrom(source) }));
}
