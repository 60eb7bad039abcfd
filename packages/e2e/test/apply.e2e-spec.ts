import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ADMIN_KEY, HeraldStack } from './stack.js';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../../apps/cli/dist/main.js', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../../apps/cli/examples/herald.yaml', import.meta.url));
const SECRETS = {
  SMTP_PASSWORD: 'smtp-pw-e2e',
  NOC_WEBHOOK_SECRET: 'noc-secret-e2e',
  CHATOPS_TOKEN: 'chatops-e2e',
};

/** `herald apply` as a person runs it: the real CLI process against the real API. */
describe('herald apply -f herald.yaml', () => {
  const stack = new HeraldStack();

  beforeAll(() => stack.start(), 60_000);
  afterAll(() => stack.stop());

  async function apply(...args: string[]): Promise<{ code: number; out: string }> {
    try {
      const { stdout } = await run(process.execPath, [CLI, 'apply', ...args], {
        env: { PATH: process.env.PATH ?? '', HERALD_URL: stack.url, HERALD_API_KEY: ADMIN_KEY, ...SECRETS },
      });
      return { code: 0, out: stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, out: `${failed.stdout}${failed.stderr}` };
    }
  }

  it('plans without changing anything on --dry-run', async () => {
    const { code, out } = await apply('-f', EXAMPLE, '--dry-run');
    expect(code).toBe(0);
    expect(out).toContain('+ notifier oncall_mail');
    expect(out).toMatch(/plan: \d+ to add, 0 to change, 0 to remove/);
    expect((await stack.request<{ items: unknown[] }>('GET', '/v1/notifiers')).body.items).toEqual([]);
  });

  it('applies the example, and applying it again changes nothing', async () => {
    const first = await apply('-f', EXAMPLE);
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toMatch(/applied \d+ change\(s\)/);

    const notifiers = await stack.request<{ items: { name: string; config: Record<string, unknown> }[] }>(
      'GET',
      '/v1/notifiers',
    );
    expect(notifiers.body.items.map((n) => n.name).sort()).toEqual([
      'ci_chatops',
      'mail',
      'noc_webhook',
      'oncall_mail',
    ]);
    expect(notifiers.body.items.find((n) => n.name === 'mail')?.config.password).toBe('$encrypted$');
    const project = await stack.request('GET', '/v1/resources/project/web');
    expect(project.body).toMatchObject({ name: 'Web', parent: { kind: 'organization', id: 'acme' } });
    const attached = await stack.request<{ items: unknown[] }>('GET', '/v1/resources/project/web/notifiers');
    expect(attached.body.items).toEqual([{ notifier: 'ci_chatops', triggers: ['error', 'success'] }]);
    expect((await stack.request('GET', '/v1/users/alice')).body).toMatchObject({
      email: 'alice@example.com',
    });

    const second = await apply('-f', EXAMPLE);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/^no changes \(\d+ unchanged\)$/m);
  });

  it('with --prune removes what the file no longer names', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'herald-apply-'));
    const smaller = join(directory, 'herald.yaml');
    await writeFile(
      smaller,
      `notifiers:
  - name: mail
    type: email
    default: true
    description: Outgoing mail relay
    config: { host: smtp.example.com, port: 587, security: starttls, username: herald, password: "\${SMTP_PASSWORD}", from: "Herald <herald@example.com>" }
users:
  - id: alice
    email: alice@example.com
    name: Alice Ng
    username: alice
    timezone: Europe/Berlin
`,
    );
    const withoutPrune = await apply('-f', smaller);
    expect(withoutPrune.out).toMatch(/^no changes/m);

    const pruned = await apply('-f', smaller, '--prune');
    expect(pruned.code).toBe(0);
    expect(pruned.out).toContain('- notifier noc_webhook');
    expect(pruned.out).toContain('- user bob');
    const names = (await stack.request<{ items: { name: string }[] }>('GET', '/v1/notifiers')).body.items.map(
      (n) => n.name,
    );
    expect(names).toEqual(['mail']);
    expect((await stack.request('GET', '/v1/users/bob')).status).toBe(404);
    // The file has no eventTypes or resources section: those are left alone.
    expect((await stack.request('GET', '/v1/event-types/host.down')).status).toBe(200);
  });
});
