/** How a command talks to the world; tests pass their own. */
export interface CommandIo {
  print(line: string): void;
  error(line: string): void;
  /** For `${VAR}` references in files. */
  env: Record<string, string | undefined>;
}
