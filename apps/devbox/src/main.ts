import { type CatcherAddress, demoSeedSteps, seedDemo, tryItLine, waitForReady } from './demo-seed.js';
import { DevboxEnv } from './devbox-env.js';
import { startDevbox } from './devbox.js';

// Quiet this long: the API is compiling and migrating. A first `pnpm dev` compiles every app at
// once and can take minutes on a laptop, so past it the devbox says it is waiting and keeps waiting.
const API_QUIET_WAIT_MS = 60_000;

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const env = DevboxEnv.fromProcess();
  const devbox = await startDevbox({ host: env.host, smtpPort: env.smtpPort, httpPort: env.httpPort });
  // Listening on every interface still means "reach me on loopback" for the notifiers and the link.
  const reachable = env.host === '0.0.0.0' ? '127.0.0.1' : env.host;
  const pageUrl = `http://${reachable}:${devbox.httpPort}`;
  say(
    `Devbox: SMTP on ${reachable}:${devbox.smtpPort}, webhooks on ${pageUrl}/hooks/*, caught messages on ${pageUrl}`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void devbox.close().then(() => process.exit(0)));
  }
  if (!env.seed) return;

  if (!(await waitForReady(env.apiUrl, API_QUIET_WAIT_MS))) {
    say(
      `Devbox: still waiting for the API at ${env.apiUrl}/health/ready; the demo is seeded once it answers.`,
    );
    await waitForReady(env.apiUrl, Infinity, 2000);
  }
  const catcher: CatcherAddress = {
    host: env.catcherHost ?? reachable,
    smtpPort: devbox.smtpPort,
    httpPort: devbox.httpPort,
  };
  try {
    await seedDemo(env.apiUrl, env.adminKey, demoSeedSteps(catcher));
    say(tryItLine(env.apiUrl, env.adminKey, pageUrl));
  } catch (error) {
    // The catchers stay useful without the demo: say why, keep serving.
    console.error(`Devbox: demo not seeded: ${(error as Error).message}`);
  }
}

main().catch((error: unknown) => {
  // A taken port (EADDRINUSE) or a bad variable: the message says which.
  console.error(`Devbox: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
