import { parseArgs } from 'node:util';
import { type Command, type CommandInput, GLOBAL_OPTIONS } from './command.js';
import { UsageError } from './usage-error.js';

/** The command's words (`notifications get`) and its arguments, global options included. */
export interface CommandLine {
  words: string[];
  args: string[];
}

const VALUED_GLOBALS = new Set(['--url', '--api-key']);
const FLAG_GLOBALS = new Set(['--json', '--help', '-h']);

/**
 * Splits `herald [global options] <command> [<subcommand>] [args]`. Global options given before the
 * command are handed to it with its own arguments, so `herald --json status` is `herald status --json`.
 */
export function splitCommandLine(argv: string[], groups: ReadonlySet<string>): CommandLine {
  const leading: string[] = [];
  let index = 0;
  for (; index < argv.length; index++) {
    const token = argv[index]!;
    const name = token.split('=', 1)[0]!;
    if (FLAG_GLOBALS.has(token) || (VALUED_GLOBALS.has(name) && token.includes('='))) {
      leading.push(token);
    } else if (VALUED_GLOBALS.has(token)) {
      if (index + 1 >= argv.length) throw new UsageError(`option ${token} needs a value`);
      leading.push(token, argv[++index]!);
    } else if (token.startsWith('-')) {
      throw new UsageError(`unknown option ${token} before the command`);
    } else {
      break;
    }
  }
  const words = argv.slice(index, index + 1);
  let rest = argv.slice(index + 1);
  if (words[0] !== undefined && groups.has(words[0]) && rest[0] !== undefined && !rest[0].startsWith('-')) {
    words.push(rest[0]);
    rest = rest.slice(1);
  }
  return { words, args: [...leading, ...rest] };
}

/**
 * Parses a command's arguments strictly: an unknown flag, a flag without its value or a wrong number
 * of positionals is a UsageError carrying the command's synopsis. With `--help`, counts are not checked.
 */
export function parseCommandArgs(
  name: string,
  command: Command,
  args: string[],
): CommandInput<Command['options']> {
  let input: CommandInput<Command['options']>;
  try {
    input = parseArgs({
      args,
      options: { ...command.options, ...GLOBAL_OPTIONS },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(parseArgsMessage(error as Error), synopsis(name, command));
  }
  if (input.values.help) return input;
  const { min, max } = command.positionals;
  const count = input.positionals.length;
  if (count < min) {
    const missing = positionalNames(command).slice(count, min);
    throw new UsageError(`missing ${missing.join(' ') || 'argument'}`, synopsis(name, command));
  }
  if (count > max)
    throw new UsageError(`unexpected argument: ${input.positionals[max]}`, synopsis(name, command));
  return input;
}

/** `--timeout 30`, `--timeout 0.5`: a positive number, else a UsageError naming the flag. */
export function positiveNumber(value: string, flag: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number <= 0)
    throw new UsageError(`--${flag} must be a positive number, got "${value}"`);
  return number;
}

/** `--limit 20`: an integer within [min, max]. */
export function integerIn(value: string, flag: string, min: number, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number < min || number > max)
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  return number;
}

// Node's message for an unknown option explains `--` at length; the option is what matters.
function parseArgsMessage(error: Error): string {
  const unknown = /^Unknown option '([^']+)'/.exec(error.message);
  return unknown ? `unknown option ${unknown[1]}` : error.message;
}

/** `usage: herald notifiers test <name> [--no-wait]` → `<name>`: the positionals the synopsis names. */
function positionalNames(command: Command): string[] {
  const line = command.usage.split('\n', 1)[0]!.replace(/\[[^\]]*\]/g, '');
  return line.match(/<[^>]+>/g) ?? [];
}

function synopsis(name: string, command: Command): string {
  return `${command.usage.split('\n', 1)[0]}\nrun "herald ${name} --help" for its options`;
}
