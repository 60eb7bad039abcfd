import { planApply } from './apply-plan.js';
import type { CurrentState } from './current-state.js';
import { type HeraldFile, parseHeraldFile } from './herald-file.js';

// JSON round trip, as the API answers (structuredClone would give objects of another realm under jest).
const copy = <Value>(value: Value): Value => JSON.parse(JSON.stringify(value)) as Value;

const empty: CurrentState = { notifiers: [], eventTypes: [], resources: [], users: [] };
const all = new Set(['notifiers', 'eventTypes', 'resources', 'users']);
const options = { prune: false, updateSecrets: false };

const file: HeraldFile = parseHeraldFile(
  `
notifiers:
  - name: ops_hook
    type: webhook
    fallback: ops_mail
    config: { url: "http://hooks.example.com/ops", secret: "\${HOOK_SECRET}" }
  - name: ops_mail
    type: email
    default: true
    config: { host: smtp.example.com, port: 587, security: starttls, from: herald@example.com, password: pw }
eventTypes:
  - name: job.failed
    defaultMethods: [email]
    critical: true
    adminMethods: [email, webhook]
resources:
  - kind: project
    id: web
    parent: { kind: organization, id: acme }
    notifiers: [{ notifier: ops_hook, triggers: [error] }]
  - kind: organization
    id: acme
    name: Acme
users:
  - id: u-1
    email: alice@example.com
`,
  { HOOK_SECRET: 'hook-secret' },
);

/** The server after the file was applied once, as the API shows it (secrets masked). */
const applied: CurrentState = {
  notifiers: [
    {
      name: 'ops_mail',
      type: 'email',
      description: null,
      default: true,
      fallback: null,
      config: {
        host: 'smtp.example.com',
        port: 587,
        security: 'starttls',
        from: 'herald@example.com',
        password: '$encrypted$',
      },
      messages: null,
      maxAttempts: null,
      createdAt: '',
      updatedAt: '',
    },
    {
      name: 'ops_hook',
      type: 'webhook',
      description: null,
      default: false,
      fallback: 'ops_mail',
      config: { url: 'http://hooks.example.com/ops', secret: '$encrypted$' },
      messages: null,
      maxAttempts: null,
      createdAt: '',
      updatedAt: '',
    },
  ],
  eventTypes: [
    {
      name: 'job.failed',
      templates: {},
      defaultMethods: ['email'],
      adminMethods: ['email', 'webhook'],
      enabledByDefault: true,
      critical: true,
      group: null,
      dedupeWindowSeconds: null,
    },
  ],
  resources: [
    {
      view: { kind: 'organization', id: 'acme', name: 'Acme', parent: null, inheritNotifiers: true },
      attachments: [],
    },
    {
      view: {
        kind: 'project',
        id: 'web',
        name: null,
        parent: { kind: 'organization', id: 'acme' },
        inheritNotifiers: true,
      },
      attachments: [{ notifier: 'ops_hook', triggers: ['error'] }],
    },
  ],
  users: [
    {
      id: 'u-1',
      email: 'alice@example.com',
      name: null,
      username: null,
      phone: null,
      addresses: {},
      timezone: null,
    },
  ],
};

describe('planApply', () => {
  it('creates everything on an empty server, dependencies first', () => {
    const plan = planApply(file, empty, options, all);
    expect(plan.changes.map((c) => `${c.verb} ${c.what}`)).toEqual([
      '+ notifier ops_mail',
      '+ notifier ops_hook',
      '+ event type job.failed',
      '~ event type job.failed admin methods',
      '+ resource organization/acme',
      '+ resource project/web',
      '+ attachment ops_hook to project/web for error',
      '+ user u-1',
    ]);
    expect(plan.changes[1]?.body).toMatchObject({ config: { secret: 'hook-secret' } });
  });

  it('plans nothing when the server already matches', () => {
    const plan = planApply(file, applied, options, all);
    expect(plan.changes).toEqual([]);
    expect(plan.unchanged).toBe(6);
  });

  it('patches only what changed, keeping masked secrets unless asked', () => {
    const changed = copy(applied);
    changed.notifiers[1]!.config.url = 'http://old.example.com';
    changed.resources[0]!.view.name = 'Old name';
    const plan = planApply(file, changed, options, all);
    expect(plan.changes.map((c) => [c.what, c.fields])).toEqual([
      ['notifier ops_hook', ['config.url']],
      ['resource organization/acme', ['name']],
    ]);
    expect(plan.changes[0]).toMatchObject({ method: 'PATCH', body: { config: { secret: '$encrypted$' } } });

    const secrets = planApply(file, applied, { ...options, updateSecrets: true }, all);
    expect(secrets.changes.map((c) => [c.what, c.fields])).toEqual([
      ['notifier ops_mail', ['config.password']],
      ['notifier ops_hook', ['config.secret']],
    ]);
    expect(secrets.changes[1]?.body).toMatchObject({ config: { secret: 'hook-secret' } });
  });

  it('sees a changed attempt budget and dedupe window', () => {
    const changed = copy(applied);
    changed.notifiers[0]!.maxAttempts = 9;
    changed.eventTypes[0]!.dedupeWindowSeconds = 60;
    expect(planApply(file, changed, options, all).changes.map((c) => [c.what, c.fields])).toEqual([
      ['notifier ops_mail', ['maxAttempts']],
      ['event type job.failed', ['dedupeWindowSeconds']],
    ]);
  });

  it('re-attaches when the triggers differ', () => {
    const changed = copy(applied);
    changed.resources[1]!.attachments = [{ notifier: 'ops_hook', triggers: ['any'] }];
    const plan = planApply(file, changed, options, all);
    expect(plan.changes).toEqual([
      expect.objectContaining({ verb: '~', method: 'POST', path: '/v1/resources/project/web/notifiers' }),
    ]);
  });

  it('with prune, removes only what the file no longer names, in the sections it has', () => {
    const extra = copy(applied);
    extra.notifiers.push({ ...extra.notifiers[1]!, name: 'old_hook', fallback: null });
    extra.users.push({ ...extra.users[0]!, id: 'u-gone' });
    extra.resources[1]!.attachments.push({ notifier: 'old_hook', triggers: ['any'] });
    extra.eventTypes.push({ ...extra.eventTypes[0]!, name: 'old.type' });

    const plan = planApply(file, extra, { ...options, prune: true }, all);
    expect(plan.changes.map((c) => `${c.verb} ${c.method} ${c.path}`)).toEqual([
      '- DELETE /v1/resources/project/web/notifiers/old_hook',
      '- DELETE /v1/users/u-gone',
      '- DELETE /v1/event-types/old.type',
      '- DELETE /v1/notifiers/old_hook',
    ]);
    const withoutUsers = planApply(file, extra, { ...options, prune: true }, new Set(['notifiers']));
    expect(withoutUsers.changes.map((c) => c.what)).toEqual(['notifier old_hook']);
    expect(planApply(file, extra, options, all).changes).toEqual([]);
  });

  it('replaces a notifier whose type changed', () => {
    const changed = copy(applied);
    changed.notifiers[1]!.type = 'email';
    expect(planApply(file, changed, options, all).changes.map((c) => `${c.verb} ${c.method}`)).toEqual([
      '- DELETE',
      '+ POST',
    ]);
  });
});

describe('parseHeraldFile', () => {
  it('names every problem at once, including unset variables', () => {
    expect(() =>
      parseHeraldFile(
        `
notifiers:
  - name: a
    config: { secret: "\${NOPE}" }
  - name: a
    type: webhook
    config: {}
colours: []
`,
        {},
      ),
    ).toThrow(
      /notifiers\[0\]\.config\.secret refers to \$\{NOPE\}[\s\S]*unknown section "colours"[\s\S]*notifiers\[0\]\.type is required[\s\S]*notifier "a" is declared twice/,
    );
  });
});
