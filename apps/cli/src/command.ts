import type { parseArgs, ParseArgsConfig } from 'node:util';
import type { ApiClients } from './api-clients.js';
import type { CliEnv } from './cli-env.js';

export type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** How a command talks to the world; tests pass their own. */
export interface CommandIo {
  print(line: string): void;
  error(line: string): void;
  /** For `${VAR}` references in files. */
  env: Record<string, string | undefined>;
}

/** Accepted by every command, before or after its name. */
export const GLOBAL_OPTIONS = {
  url: { type: 'string' },
  'api-key': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsOptionsConfig;

export const GLOBAL_USAGE = `global options:
      --url <url>       the API (HERALD_URL, default http://127.0.0.1:3000)
      --api-key <key>   the API key (HERALD_API_KEY)
      --json            print the API's JSON instead of tables
  -h, --help            this help`;

/** What parseArgs answers for a command's options and the global ones. */
export type CommandInput<Options extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{
    args: string[];
    options: Options & typeof GLOBAL_OPTIONS;
    allowPositionals: true;
    strict: true;
  }>
>;

export interface CommandContext {
  /** With `--url` and `--api-key` applied. */
  env: CliEnv;
  io: CommandIo;
  /** `--json`: the API's JSON instead of tables. */
  json: boolean;
  /** Built on first use, so that commands that need no API never ask for a key. */
  api(): ApiClients;
}

export interface Command<Options extends ParseArgsOptionsConfig = ParseArgsOptionsConfig> {
  /** One line for the command list. */
  summary: string;
  /** The synopsis and the command's own options, for `--help` and usage errors. */
  usage: string;
  options: Options;
  /** How many positional arguments it takes. */
  positionals: { min: number; max: number };
  run(input: CommandInput<Options>, context: CommandContext): Promise<number>;
}

/** Keeps the options' literal types, so `run` sees `values.wait` as a boolean and `values.user` as string[]. */
export function defineCommand<const Options extends ParseArgsOptionsConfig>(
  command: Command<Options>,
): Command<Options> {
  return command;
}
