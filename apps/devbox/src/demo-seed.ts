/** Where the demo's notifiers deliver: the devbox's own catchers. */
export interface CatcherAddress {
  host: string;
  smtpPort: number;
  httpPort: number;
}

/** One REST call of the seed; `onConflict` brings an existing object up to date instead (409 on create). */
export interface SeedStep {
  method: 'POST' | 'PUT' | 'PATCH';
  path: string;
  body: unknown;
  onConflict?: { method: 'PATCH'; path: string; body: unknown };
}

export const DEMO_EVENT = {
  type: 'demo.hello',
  source: { kind: 'project', id: 'demo' },
  recipients: [{ userId: 'demo' }],
  data: { name: 'newcomer' },
};

/**
 * The demo, as calls any second run repeats harmlessly: PUTs replace, attaching again is a no-op,
 * and a notifier that exists is patched back to the catcher (it may point elsewhere after a port change).
 */
export function demoSeedSteps(catcher: CatcherAddress): SeedStep[] {
  const mail = {
    default: true,
    description: 'pnpm dev: the devbox mail catcher',
    config: {
      host: catcher.host,
      port: catcher.smtpPort,
      security: 'none',
      from: 'Herald <herald@example.com>',
    },
  };
  const hook = {
    description: 'pnpm dev: the devbox webhook receiver',
    config: { url: `http://${catcher.host}:${catcher.httpPort}/hooks/demo`, secret: 'devbox-secret' },
  };
  return [
    {
      method: 'POST',
      path: '/v1/notifiers',
      body: { name: 'dev_mail', type: 'email', ...mail },
      onConflict: { method: 'PATCH', path: '/v1/notifiers/dev_mail', body: mail },
    },
    {
      method: 'POST',
      path: '/v1/notifiers',
      body: { name: 'dev_hook', type: 'webhook', ...hook },
      onConflict: { method: 'PATCH', path: '/v1/notifiers/dev_hook', body: hook },
    },
    { method: 'PUT', path: '/v1/resources/project/demo', body: { name: 'Demo project' } },
    {
      method: 'POST',
      path: '/v1/resources/project/demo/notifiers',
      body: { notifier: 'dev_hook', triggers: ['any'] },
    },
    { method: 'PUT', path: '/v1/users/demo', body: { email: 'demo@example.com', name: 'Demo User' } },
    {
      method: 'PUT',
      path: '/v1/event-types/demo.hello',
      body: {
        defaultMethods: ['email'],
        templates: {
          default: {
            title: 'Hello {{ data.name | default: "there" }}, from Herald',
            body:
              'This is **{{ type }}** from {{ source.kind }}/{{ source.id }}. ' +
              'It reached you by email through `dev_mail`; the project webhook `dev_hook` got it too.',
          },
        },
      },
    },
  ];
}

/** The one line the devbox prints once the demo is in place. */
export function tryItLine(apiUrl: string, adminKey: string, pageUrl: string): string {
  return (
    `Devbox: demo seeded. Try: curl -sX POST ${apiUrl}/v1/events -H 'Authorization: Bearer ${adminKey}' ` +
    `-H 'Content-Type: application/json' -d '${JSON.stringify(DEMO_EVENT)}' then open ${pageUrl}`
  );
}

export class SeedError extends Error {
  override name = 'SeedError';
}

/** Runs the steps in order against the API with the admin key; the first refusal stops it with its reason. */
export async function seedDemo(apiUrl: string, adminKey: string, steps: SeedStep[]): Promise<void> {
  const call = async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    return { status: response.status, text: await response.text() };
  };
  for (const step of steps) {
    let answer = await call(step.method, step.path, step.body);
    if (answer.status === 409 && step.onConflict) {
      answer = await call(step.onConflict.method, step.onConflict.path, step.onConflict.body);
    }
    if (answer.status >= 300) {
      const hint = answer.status === 401 ? ' (is HERALD_ADMIN_KEY the key the API was started with?)' : '';
      throw new SeedError(
        `${step.method} ${step.path} answered ${answer.status}${hint}: ${errorMessage(answer.text)}`,
      );
    }
  }
}

/**
 * Polls `/health/ready` until it answers 200; false past the deadline. Quiet on purpose: the API
 * is still building or migrating during the first seconds of `pnpm dev`.
 */
export async function waitForReady(apiUrl: string, timeoutMs: number, intervalMs = 1000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = await fetch(`${apiUrl}/health/ready`, { signal: AbortSignal.timeout(2000) }).then(
      async (response) => {
        await response.arrayBuffer();
        return response.ok;
      },
      () => false,
    );
    if (ready) return true;
    if (Date.now() + intervalMs > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function errorMessage(text: string): string {
  try {
    const envelope = JSON.parse(text) as { error?: { message?: string } };
    return envelope.error?.message ?? text;
  } catch {
    return text;
  }
}
