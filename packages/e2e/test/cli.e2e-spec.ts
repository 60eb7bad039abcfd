import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type AdminStatusView, DeliveryStatus, type NotificationView } from '@herald/contracts';
import { eventually, freePort, HttpCatcher } from '@herald/testing';
import { ADMIN_KEY, HeraldStack } from './stack.js';

const execute = promisify(execFile);
const CLI = fileURLToPath(new URL('../../../apps/cli/dist/main.js', import.meta.url));
const ID = /^[0-9a-f-]{36}$/;
const STACK_TRACE = /\n\s+at /;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The `herald` command as an operator runs it: the built CLI, a process of its own, against the real apps. */
describe('the herald CLI', () => {
  const stack = new HeraldStack();
  // `/broken` refuses for good (400): its deliveries fail at once, without retries.
  const receiver = new HttpCatcher((request) =>
    request.path === '/broken' ? { status: 400, body: 'no' } : { status: 200, body: 'ok' },
  );

  beforeAll(async () => {
    await receiver.start();
    await stack.start();
    await stack.addWebhook('cli_hook', receiver.url('/hook'));
    await stack.addWebhook('cli_broken', receiver.url('/broken'));
  }, 60_000);

  afterAll(async () => {
    await stack.stop();
    await receiver.stop();
  });

  async function herald(args: string[], env: Record<string, string> = {}): Promise<Run> {
    try {
      const { stdout, stderr } = await execute(process.execPath, [CLI, ...args], {
        env: { PATH: process.env.PATH ?? '', HERALD_URL: stack.url, HERALD_API_KEY: ADMIN_KEY, ...env },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  /** Runs it, expecting `code`; on anything else the failure shows what it printed. */
  async function expectRun(args: string[], code: number, env?: Record<string, string>): Promise<Run> {
    const run = await herald(args, env);
    if (run.code !== code)
      throw new Error(
        `herald ${args.join(' ')}: exit ${run.code}, wanted ${code}\n${run.stdout}${run.stderr}`,
      );
    return run;
  }

  const hooked = () => receiver.requests.filter((request) => request.path === '/hook');

  it('pause, send ×3: status shows them waiting in deliver.webhook; resume drains them', async () => {
    const paused = await expectRun(['pause'], 0);
    expect(paused.stdout).toMatch(/^paused every channel/);

    const ids: string[] = [];
    for (const index of [1, 2, 3]) {
      const sent = await expectRun(
        ['send', 'release.published', '--source', 'project/cli_hook', '--data', `{"index": ${index}}`],
        0,
      );
      expect(sent.stdout.trim()).toMatch(ID);
      ids.push(sent.stdout.trim());
    }

    // Routed while paused: the three deliver jobs wait in their queue.
    const status = await eventually(
      async () => {
        const run = await expectRun(['status', '--json'], 0);
        const view = JSON.parse(run.stdout) as AdminStatusView;
        return view.channels.webhook?.waiting === 3 ? view : undefined;
      },
      20_000,
      'three webhook jobs waiting',
      250,
    );
    expect(status.paused).toBe(true);

    const table = await expectRun(['status'], 0);
    expect(table.stdout).toMatch(/^global pause: on/);
    expect(table.stdout).toMatch(/^QUEUE\s+PAUSED\s+WAITING\s+ACTIVE\s+DELAYED\s+FAILED$/m);
    expect(table.stdout).toMatch(/^deliver\.webhook\s+global\s+3\s+0\s+0\s+0$/m);
    expect(table.stdout).toMatch(/^deliver\.email\s+global\s+\d+/m);
    expect(hooked()).toHaveLength(0);

    const resumed = await expectRun(['resume'], 0);
    expect(resumed.stdout.trim()).toBe('resumed every channel');
    const done = await stack.completed(ids);
    expect(done.map((view) => view.deliveries[0]!.status)).toEqual(new Array(3).fill(DeliveryStatus.Sent));
    expect(hooked()).toHaveLength(3);
    expect((await expectRun(['status', '--json'], 0)).stdout).toContain('"paused": false');
  }, 60_000);

  it('send --wait prints the deliveries, and exits 1 when one failed', async () => {
    const ok = await expectRun(['send', 'deploy.done', '--source', 'project/cli_hook', '--wait'], 0);
    const [id, ...table] = ok.stdout.trim().split('\n');
    expect(id).toMatch(ID);
    expect(table[0]).toMatch(/^#\s+CHANNEL\s+TARGET\s+STATUS\s+TRIES\s+SENT AT\s+NOTE$/);
    expect(table[1]).toMatch(
      /^1\s+webhook\s+notifier cli_hook http:\/\/127\.0\.0\.1:\d+\/hook\s+sent\s+1\s+\d{4}-/,
    );

    const failed = await expectRun(['send', 'deploy.done', '--source', 'project/cli_broken', '--wait'], 1);
    expect(failed.stdout).toMatch(/^1\s+webhook\s+notifier cli_broken .*\s+failed\s+1\s+/m);
    expect(failed.stderr).toBe('1 of 1 deliveries failed\n');

    const asJson = await expectRun(
      ['send', 'deploy.done', '--source', 'project/cli_hook', '--wait', '--json'],
      0,
    );
    const view = JSON.parse(asJson.stdout) as NotificationView;
    expect(view).toMatchObject({ type: 'deploy.done', status: 'completed', source: { id: 'cli_hook' } });
    expect(view.deliveries[0]).toMatchObject({ status: 'sent', notifier: 'cli_hook' });
  }, 60_000);

  it('notifications get, list, retry and cancel', async () => {
    const failedId = (await herald(['send', 'job.failed', '--source', 'project/cli_broken', '--wait'])).stdout
      .split('\n', 1)[0]!
      .trim();
    expect(failedId).toMatch(ID);

    const shown = await expectRun(['notifications', 'get', failedId], 0);
    expect(shown.stdout).toContain(`notification ${failedId}\ntype     job.failed\nstatus   completed`);
    expect(shown.stdout).toMatch(/^DELIVERY\s+ATTEMPT\s+STARTED\s+MS\s+OUTCOME\s+CODE\s+ERROR$/m);
    expect(shown.stdout).toMatch(/^\s+1\s+1\s+\d{4}-\S+ \S+\s+\d+\s+permanent\s+400\s+/m);
    const asJson = JSON.parse((await expectRun(['--json', 'notifications', 'get', failedId], 0)).stdout);
    expect(asJson).toMatchObject({ id: failedId, deliveries: [{ status: 'failed', attemptCount: 1 }] });

    const page = JSON.parse(
      (await expectRun(['notifications', 'list', '--type', 'deploy.done', '--limit', '2', '--json'], 0))
        .stdout,
    ) as { items: { type: string }[]; nextCursor: string | null };
    expect(page.items.map((item) => item.type)).toEqual(['deploy.done', 'deploy.done']);
    expect(page.nextCursor).toEqual(expect.any(String));
    const listed = await expectRun(['notifications', 'list', '--type', 'deploy.done', '--limit', '2'], 0);
    expect(listed.stdout).toMatch(/^ID\s+TYPE\s+STATUS\s+CREATED\s+SOURCE\n\S+\s+deploy\.done\s+completed\s/);
    expect(listed.stderr).toMatch(/^more: herald notifications list --cursor \S+$/m);

    const retried = await expectRun(['notifications', 'retry', failedId], 0);
    expect(retried.stdout.trim()).toBe(`1 failed delivery of ${failedId} sent again`);

    await expectRun(['pause', '--channel', 'webhook'], 0);
    const held = (await expectRun(['send', 'job.failed', '--source', 'project/cli_hook'], 0)).stdout.trim();
    await stack.until(
      [held],
      (view) => view.deliveries[0]?.status === DeliveryStatus.Pending,
      'the delivery to be routed and held',
    );
    const cancelled = await expectRun(['notifications', 'cancel', held], 0);
    expect(cancelled.stdout).toMatch(/^status {3}completed$/m);
    expect(cancelled.stdout).toMatch(/^1\s+webhook\s+notifier cli_hook .*\s+cancelled\s+0$/m);
    expect((await expectRun(['resume', '--channel', 'webhook'], 0)).stdout.trim()).toBe(
      'resumed channel webhook',
    );
  }, 60_000);

  it('notifiers list and test', async () => {
    const listed = await expectRun(['notifiers', 'list'], 0);
    expect(listed.stdout).toMatch(/^NAME\s+TYPE\s+DEFAULT\s+FALLBACK\s+DESCRIPTION$/m);
    expect(listed.stdout).toMatch(/^cli_broken\s+webhook$/m);
    expect(listed.stdout).toMatch(/^cli_hook\s+webhook$/m);

    const before = hooked().length;
    const tested = await expectRun(['notifiers', 'test', 'cli_hook'], 0);
    expect(tested.stdout).toMatch(/test message sent through cli_hook\n$/);
    expect(hooked()).toHaveLength(before + 1);

    const broken = await expectRun(['notifiers', 'test', 'cli_broken'], 1);
    expect(broken.stderr).toBe('test of cli_broken failed\n');

    const unknown = await expectRun(['notifiers', 'test', 'nope'], 3);
    expect(unknown.stderr).toMatch(/^herald notifiers test: 404 not_found: /);
  }, 60_000);

  it('exits 3 when the API refuses, 4 when it cannot be reached, 2 on usage, never with a stack trace', async () => {
    const badKey = await expectRun(['status'], 3, { HERALD_API_KEY: 'not-a-key' });
    expect(badKey.stderr).toMatch(/^herald status: 401 unauthorized: /);

    const invalid = await expectRun(['send', 'not valid!'], 3);
    expect(invalid.stderr).toMatch(/^herald send: 400 validation_failed: .*\(type: /);

    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const away = await expectRun(['--url', nowhere, 'send', 'deploy.done'], 4);
    expect(away.stderr).toContain(
      `herald send: 503 service_unavailable: Herald at ${nowhere} did not answer`,
    );

    const usage = await expectRun(['send', 'deploy.done', '--data', '[1, 2'], 2);
    expect(usage.stderr).toMatch(/^herald send: --data is not valid JSON/);

    for (const run of [badKey, invalid, away, usage]) {
      expect(run.stdout).toBe('');
      expect(run.stderr).not.toMatch(STACK_TRACE);
    }
  }, 60_000);
});
