import { TEST_POSTGRES_URL, TEST_REDIS_URL } from '@herald/testing';
import { appEntry, closedPort, runToExit } from './run-to-exit.js';

// One app per start path: the API's main, the router's main, and runChannelWorker (every worker).
const APPS = ['api', 'router', 'worker-email'];

/** The app printed exactly one line, this one, and no stack trace. */
function expectOneLine(output: string, pattern: RegExp): void {
  const lines = output.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(lines[0]).toContain('`docker compose up -d postgres redis`');
}

describe('an app started without Postgres', () => {
  it.each(APPS)(
    '%s prints one line naming Postgres, where it looked and how to start it, and exits 1',
    async (app) => {
      const port = await closedPort();

      const run = await runToExit(appEntry(app), {
        DATABASE_URL: `postgres://postgres:s3cret@127.0.0.1:${port}/herald`,
        REDIS_URL: TEST_REDIS_URL,
      });

      expect(run.code).toBe(1);
      expectOneLine(
        run.output,
        new RegExp(
          `Postgres is unreachable at postgres://postgres:\\*\\*\\*@127\\.0\\.0\\.1:${port}/herald \\(ECONNREFUSED\\)`,
        ),
      );
      expect(run.output).not.toContain('s3cret');
    },
  );
});

describe('an app started without Redis', () => {
  it.each(APPS)(
    '%s prints one line naming Redis, where it looked and how to start it, and exits 1',
    async (app) => {
      const port = await closedPort();

      const run = await runToExit(appEntry(app), {
        DATABASE_URL: TEST_POSTGRES_URL,
        REDIS_URL: `redis://:s3cret@127.0.0.1:${port}`,
      });

      expect(run.code).toBe(1);
      expectOneLine(
        run.output,
        new RegExp(`Redis is unreachable at redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`),
      );
      expect(run.output).not.toContain('s3cret');
    },
  );
});
