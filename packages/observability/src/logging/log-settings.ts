export enum LogFormat {
  /** One JSON object a line, for log collectors: the default. */
  Json = 'json',
  /** One readable line per entry, for a terminal (`pnpm dev`). */
  Pretty = 'pretty',
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

export interface LogSettings {
  format: LogFormat;
  level: LogLevelName;
}

export const DEFAULT_LOG_SETTINGS: LogSettings = { format: LogFormat.Json, level: 'info' };

export class LogSettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid log settings:\n  - ${problems.join('\n  - ')}`);
    this.name = 'LogSettingsError';
  }
}

/**
 * `HERALD_LOG_FORMAT` and `HERALD_LOG_LEVEL`, read apart from each app's env class: the logger must
 * exist before that class validates, so that its own error comes out in the chosen format.
 */
export function logSettingsFrom(source: Record<string, string | undefined>): LogSettings {
  const format = nonEmpty(source.HERALD_LOG_FORMAT)?.toLowerCase() ?? DEFAULT_LOG_SETTINGS.format;
  const level = nonEmpty(source.HERALD_LOG_LEVEL)?.toLowerCase() ?? DEFAULT_LOG_SETTINGS.level;
  const problems: string[] = [];
  const formats = Object.values(LogFormat) as string[];
  if (!formats.includes(format)) {
    problems.push(`HERALD_LOG_FORMAT must be one of ${formats.join(', ')} (got "${format}")`);
  }
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    problems.push(`HERALD_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${level}")`);
  }
  if (problems.length > 0) throw new LogSettingsError(problems);
  return { format: format as LogFormat, level: level as LogLevelName };
}

function nonEmpty(value: string | undefined): string | undefined {
  // `HERALD_LOG_LEVEL=` in a compose file means "not set", as for every other variable.
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
