import { integerIn, parseCommandArgs, positiveNumber, splitCommandLine } from './args.js';
import { defineCommand } from './command.js';
import { UsageError } from './usage-error.js';

const GROUPS = new Set(['notifications', 'notifiers']);

describe('splitCommandLine', () => {
  it('takes one word for a command and two for a group', () => {
    expect(splitCommandLine(['send', 'job.failed', '--wait'], GROUPS)).toEqual({
      words: ['send'],
      args: ['job.failed', '--wait'],
    });
    expect(splitCommandLine(['notifications', 'get', 'n-1'], GROUPS)).toEqual({
      words: ['notifications', 'get'],
      args: ['n-1'],
    });
  });

  it('hands global options given before the command to it', () => {
    expect(
      splitCommandLine(['--json', '--url', 'http://h:1', '--api-key=k', 'status', '--help'], GROUPS),
    ).toEqual({ words: ['status'], args: ['--json', '--url', 'http://h:1', '--api-key=k', '--help'] });
  });

  it('leaves a group alone when a flag follows it, for `herald notifications --help`', () => {
    expect(splitCommandLine(['notifications', '--help'], GROUPS)).toEqual({
      words: ['notifications'],
      args: ['--help'],
    });
  });

  it('refuses an unknown option before the command, and a global option without its value', () => {
    expect(() => splitCommandLine(['--verbose', 'status'], GROUPS)).toThrow(
      new UsageError('unknown option --verbose before the command'),
    );
    expect(() => splitCommandLine(['--url'], GROUPS)).toThrow(/--url needs a value/);
  });
});

describe('parseCommandArgs', () => {
  const command = defineCommand({
    summary: 'test',
    usage: 'usage: herald thing <name> [<extra>] [--count <n>]',
    options: { count: { type: 'string' }, tag: { type: 'string', multiple: true } },
    positionals: { min: 1, max: 2 },
    run: async () => 0,
  });

  it('parses the command options, the global ones, and repeated options', () => {
    const input = parseCommandArgs('thing', command, [
      'a',
      '--count',
      '3',
      '--tag',
      'x',
      '--tag',
      'y',
      '--json',
    ]);
    expect(input.positionals).toEqual(['a']);
    expect(input.values).toMatchObject({ count: '3', tag: ['x', 'y'], json: true, help: false });
  });

  it('turns what parseArgs refuses into a usage error with the synopsis', () => {
    const error = catchError(() => parseCommandArgs('thing', command, ['a', '--bogus']));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe('unknown option --bogus');
    expect((error as UsageError).usage).toContain('usage: herald thing <name>');
    expect(() => parseCommandArgs('thing', command, ['a', '--count'])).toThrow(UsageError);
  });

  it('names a missing positional and refuses extra ones', () => {
    expect(() => parseCommandArgs('thing', command, [])).toThrow(new UsageError('missing <name>'));
    expect(() => parseCommandArgs('thing', command, ['a', 'b', 'c'])).toThrow(
      new UsageError('unexpected argument: c'),
    );
  });

  it('does not count positionals when help is asked for', () => {
    expect(parseCommandArgs('thing', command, ['--help']).values.help).toBe(true);
    expect(parseCommandArgs('thing', command, ['-h']).values.help).toBe(true);
  });
});

describe('number options', () => {
  it('accepts positive numbers and whole numbers in range, refusing the rest as usage errors', () => {
    expect(positiveNumber('2.5', 'timeout')).toBe(2.5);
    for (const bad of ['0', '-1', 'ten', '', 'Infinity'])
      expect(() => positiveNumber(bad, 'timeout')).toThrow(UsageError);
    expect(integerIn('100', 'limit', 1, 100)).toBe(100);
    for (const bad of ['0', '101', '1.5', 'x', '-3'])
      expect(() => integerIn(bad, 'limit', 1, 100)).toThrow(/--limit must be a whole number from 1 to 100/);
  });
});

function catchError(work: () => unknown): Error {
  try {
    work();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}
