import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { addFailedJob, BOARD_PATH } from './support/queue-board.js';
import { ADMIN_KEY, startTestApp, type TestApp } from './support/test-app.js';

// Debian's package; CI installs it (apt-get install chromium). CHROMIUM_PATH points elsewhere.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FAILURE = 'HTTP 410 Gone from https://hooks.example.test/herald';

describe('Bull Board in a browser', () => {
  let api: TestApp;
  let browser: Browser;
  let jobId: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`,
      );
    }
    api = await startTestApp();
    jobId = await addFailedJob(api.queuePrefix, 'deliver.webhook', FAILURE);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  /** A browser context that reaches nothing but the app (the board's page links Google Fonts). */
  async function newContext(credentials?: { username: string; password: string }): Promise<BrowserContext> {
    const context = await browser.newContext(credentials ? { httpCredentials: credentials } : {});
    await context.route(
      (url) => url.origin !== api.baseUrl,
      (route) => route.abort(),
    );
    return context;
  }

  it('keeps out a browser with a wrong key', async () => {
    const context = await newContext({ username: 'admin', password: 'not-the-key' });
    const page = await context.newPage();
    const response = await page.goto(`${api.baseUrl}${BOARD_PATH}`);
    expect(response?.status()).toBe(401);
    expect(await page.locator('body').innerText()).toContain('The API key is not valid');
    await context.close();
  });

  it('lists the queues and shows a failed delivery job with its reason', async () => {
    const context = await newContext({ username: 'admin', password: ADMIN_KEY });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    const response = await page.goto(`${api.baseUrl}${BOARD_PATH}`, { waitUntil: 'domcontentloaded' });
    expect(response?.status()).toBe(200);
    const sidebar = page.locator('#bull-board-sidebar');
    for (const queue of ['route', 'deliver.email', 'deliver.webhook', 'maintenance', 'failover']) {
      await sidebar.getByRole('link', { name: queue, exact: true }).waitFor();
    }
    expect(await page.title()).toBe('Herald queues');

    await sidebar.getByRole('link', { name: 'deliver.webhook', exact: true }).click();
    await page.getByRole('link', { name: /^FAILED/ }).click();
    await page.waitForURL(/\/admin\/queues\/queue\/deliver\.webhook\?status=failed$/);
    await page.getByText(FAILURE).first().waitFor();
    expect(await page.locator('main').innerText()).toContain(`#${jobId}`);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
