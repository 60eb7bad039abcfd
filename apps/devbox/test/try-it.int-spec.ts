import { migrateDatabase } from '@herald/data';
import {
  AppProcess,
  assertRedisReachable,
  createTestDatabase,
  deleteQueueKeys,
  eventually,
  freshQueuePrefix,
  TEST_REDIS_URL,
  type TestDatabase,
} from '@herald/testing';
import { DEMO_EVENT, demoSeedSteps, seedDemo, waitForReady } from '../src/demo-seed.js';
import { startDevbox, type RunningDevbox } from '../src/devbox.js';
import { appEntry } from './run-to-exit.js';

const ADMIN_KEY = 'try-it-admin-key';
const START_TIMEOUT_MS = 60_000;

// The README's "Try it", through the real built apps: seed, one curl, the mail and the webhook call caught.
describe('the devbox demo', () => {
  const prefix = freshQueuePrefix();
  const apiPort = 30_000 + Math.floor(Math.random() * 20_000);
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  let database: TestDatabase;
  let devbox: RunningDevbox;
  const apps: AppProcess[] = [];

  beforeAll(async () => {
    await assertRedisReachable();
    database = await createTestDatabase(migrateDatabase);
    devbox = await startDevbox({ host: '127.0.0.1', smtpPort: 0, httpPort: 0 });
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      HERALD_QUEUE_PREFIX: prefix,
      HERALD_ADMIN_KEY: ADMIN_KEY,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      HERALD_GRPC_PORT: 'off',
    };
    for (const app of ['api', 'router', 'worker-email', 'worker-webhook']) {
      const process = new AppProcess(app, appEntry(app), env);
      apps.push(process);
      process.start();
    }
    await Promise.all([
      apps[2]!.waitForOutput(/consuming deliver\.email/, START_TIMEOUT_MS),
      apps[3]!.waitForOutput(/consuming deliver\.webhook/, START_TIMEOUT_MS),
    ]);
    if (!(await waitForReady(apiUrl, START_TIMEOUT_MS, 200))) {
      throw new Error(`the API never got ready:\n${apps[0]!.output}`);
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled(apps.map((app) => app.stop(5000)));
    await devbox?.close();
    await Promise.allSettled([deleteQueueKeys(prefix), database?.drop()]);
  });

  it('seeds twice without complaint and the demo event reaches the mail and webhook catchers', async () => {
    const steps = demoSeedSteps({ host: '127.0.0.1', smtpPort: devbox.smtpPort, httpPort: devbox.httpPort });
    await seedDemo(apiUrl, ADMIN_KEY, steps);
    await seedDemo(apiUrl, ADMIN_KEY, steps);

    const accepted = await fetch(`${apiUrl}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(DEMO_EVENT),
    });
    expect(accepted.status).toBe(202);

    const mail = await eventually(() => devbox.mail.mails.list()[0], 30_000, 'the demo mail');
    expect(mail).toMatchObject({
      envelope: { to: ['demo@example.com'] },
      subject: 'Hello newcomer, from Herald',
    });
    expect(mail.text).toContain('It reached you by email through');
    const hook = await eventually(() => devbox.web.webhooks.list()[0], 30_000, 'the demo webhook call');
    expect(hook).toMatchObject({
      method: 'POST',
      path: '/hooks/demo',
      json: { title: 'Hello newcomer, from Herald' },
    });
    expect(hook.headers['x-herald-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    // Seeded twice, still one of each: one mail, one call.
    expect(devbox.mail.mails.list()).toHaveLength(1);
    expect(devbox.web.webhooks.list()).toHaveLength(1);
  }, 90_000);

  it('refuses a wrong admin key with a hint at HERALD_ADMIN_KEY', async () => {
    await expect(
      seedDemo(apiUrl, 'not-the-key', demoSeedSteps({ host: '127.0.0.1', smtpPort: 1, httpPort: 1 })),
    ).rejects.toThrow(
      /POST \/v1\/notifiers answered 401 \(is HERALD_ADMIN_KEY the key the API was started with\?\)/,
    );
  });
});
