import pino, { type DestinationStream, type Logger } from 'pino';
import { currentLogContext } from './log-context.js';
import { LogFormat, type LogSettings } from './log-settings.js';
import { prettyDestination } from './pretty-line.js';
import { REDACT_PATHS, REDACTED } from './redact-paths.js';

export interface CreateLoggerOptions {
  /** Which app writes (`api`, `router`, `worker-email`): a field of every line. */
  app: string;
  settings: LogSettings;
  /** Where lines go; stdout unless a test captures them. */
  destination?: DestinationStream;
}

/**
 * The pino logger of one app: JSON lines on stdout (stdout is synchronous for files and pipes, so
 * the last line before a crash is not lost), levels by name, ISO times, the log context's
 * correlation ids on every line, and secret fields redacted.
 */
export function createLogger({ app, settings, destination = process.stdout }: CreateLoggerOptions): Logger {
  return pino(
    {
      level: settings.level,
      base: { app, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // A copy: pino merges each line's fields into what mixin returns, which must not be the context.
      mixin: () => ({ ...currentLogContext() }),
      redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    },
    settings.format === LogFormat.Pretty ? prettyDestination(destination) : destination,
  );
}
