import { type ApiClients, connectApi } from './api-clients.js';
import { parseCommandArgs, splitCommandLine } from './args.js';
import { CliEnv } from './cli-env.js';
import type { CommandContext, CommandIo } from './command.js';
import { commandUsage, COMMANDS, GROUPS, groupUsage, USAGE } from './commands.js';
import { describeFailure, ExitCode, exitCodeFor } from './exit-code.js';
import { UsageError } from './usage-error.js';

const HELP = new Set(['help', '--help', '-h']);

/**
 * The whole command line: finds the command, parses its arguments, runs it, and turns every expected
 * failure into one line on stderr and its exit code (see ExitCode), never a stack trace.
 */
export async function runCli(argv: string[], io: CommandIo): Promise<number> {
  if (argv.length === 0) {
    io.error(USAGE);
    return ExitCode.Usage;
  }
  if (HELP.has(argv[0]!)) return help(argv.slice(1), io);

  let name = '';
  try {
    const { words, args } = splitCommandLine(argv, GROUPS);
    if (words.length === 0) {
      if (args.includes('--help') || args.includes('-h')) return help([], io);
      throw new UsageError('which command?', 'run "herald --help" for the commands');
    }
    name = words.join(' ');
    const command = COMMANDS[name];
    if (!command) {
      const group = words[0]!;
      name = GROUPS.has(group) ? group : '';
      if (!GROUPS.has(group))
        throw new UsageError(`unknown command: ${group}`, 'run "herald --help" for the commands');
      if (words[1] !== undefined) throw new UsageError(`unknown command: ${words[1]}`, groupUsage(group));
      if (args.includes('--help') || args.includes('-h')) return help(words, io);
      throw new UsageError(args[0] ? `unknown option ${args[0]}` : 'which command?', groupUsage(group));
    }
    const input = parseCommandArgs(name, command, args);
    if (input.values.help) {
      io.print(commandUsage(command));
      return ExitCode.Ok;
    }
    const env = CliEnv.from({
      ...io.env,
      // The flags win over the environment.
      ...(input.values.url !== undefined ? { HERALD_URL: input.values.url } : {}),
      ...(input.values['api-key'] !== undefined ? { HERALD_API_KEY: input.values['api-key'] } : {}),
    });
    let clients: ApiClients | undefined;
    const context: CommandContext = {
      env,
      io,
      json: input.values.json,
      api: () => (clients ??= connectApi(env)),
    };
    return await command.run(input, context);
  } catch (error) {
    io.error(`${name ? `herald ${name}` : 'herald'}: ${describeFailure(error)}`);
    if (error instanceof UsageError && error.usage) io.error(error.usage);
    return exitCodeFor(error);
  }
}

/** `herald help`, `herald help send`, `herald notifications --help`. */
function help(words: string[], io: CommandIo): number {
  const name = words.join(' ');
  const command = COMMANDS[name];
  if (command) io.print(commandUsage(command));
  else if (GROUPS.has(name)) io.print(groupUsage(name));
  else if (words.length === 0) io.print(USAGE);
  else {
    io.error(`herald: unknown command: ${name}\n${USAGE}`);
    return ExitCode.Usage;
  }
  return ExitCode.Ok;
}
