import { runCli } from './cli.js';
import type { CommandIo } from './command.js';

/** Runs the CLI in-process; none of these reach an API, so they need no server. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = { print: (line) => out.push(line), error: (line) => err.push(line), env: {} };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('herald (usage)', () => {
  it('prints the command list for --help (0) and without a command (2)', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('notifications list');
    expect(help.out).toContain('exit codes: 0 ok, 1 the operation failed, 2 usage error');
    const none = await run();
    expect(none.code).toBe(2);
    expect(none.err).toContain('usage: herald <command>');
  });

  it('prints each command and group help with exit 0', async () => {
    for (const argv of [
      ['send', '--help'],
      ['help', 'send'],
      ['--json', 'status', '-h'],
    ]) {
      const { code, out } = await run(...argv);
      expect(code).toBe(0);
      expect(out).toMatch(/^usage: herald (send|status)/);
      expect(out).toContain('--api-key <key>');
    }
    const group = await run('notifications', '--help');
    expect(group).toMatchObject({ code: 0 });
    expect(group.out).toContain('notifications retry');
  });

  it.each([
    [['bogus'], 'herald: unknown command: bogus'],
    [['notifications', 'bogus'], 'herald notifications: unknown command: bogus'],
    [['notifiers'], 'herald notifiers: which command?'],
    [['send'], 'herald send: missing <type>'],
    [['send', 'x', '--bogus'], 'herald send: unknown option --bogus'],
    [['send', 'x', '--data', '{bad'], 'herald send: --data is not valid JSON'],
    [
      ['send', 'x', '--data', '{}', '--data-file', 'f.json'],
      'herald send: give --data or --data-file, not both',
    ],
    [
      ['send', 'x', '--data-file', '/nonexistent/d.json'],
      'herald send: --data-file /nonexistent/d.json: ENOENT',
    ],
    [['notifications', 'list', '--status', 'done'], 'herald notifications list: --status must be one of'],
    [['status', '--url', 'not a url'], 'herald status: Invalid configuration'],
    [['status'], 'herald status: set HERALD_API_KEY (or --api-key)'],
    [['apply'], 'herald apply: -f <herald.yaml> is required'],
  ])('%j is a usage error (2): %s', async (argv, message) => {
    const { code, out, err } = await run(...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(message);
    expect(err).not.toMatch(/\n\s+at /);
  });
});
