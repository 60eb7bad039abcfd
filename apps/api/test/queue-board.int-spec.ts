import { ApiScope, CHANNEL_REGISTRY } from '@herald/contracts';
import { hashApiKey } from '../src/auth/api-key-credentials.js';
import { addFailedJob, basicAuth, boardRequest } from './support/queue-board.js';
import { ADMIN_KEY, expectErrorEnvelope, startTestApp, type TestApp } from './support/test-app.js';

const READER_KEY = 'board-reader-key-0123456789';
const OPS_KEY = 'board-ops-admin-key-0123456789';
const CHALLENGE = 'Basic realm="Herald queues"';
const ALL_QUEUES = [
  'route',
  'maintenance',
  'failover',
  ...Object.keys(CHANNEL_REGISTRY).map((channel) => `deliver.${channel}`),
].sort();

describe('Bull Board at /admin/queues', () => {
  let api: TestApp;
  const admin = basicAuth('admin', ADMIN_KEY);
  const board = (method: string, path: string, authorization: string | null = admin) =>
    boardRequest(api.baseUrl, method, path, authorization);

  beforeAll(async () => {
    api = await startTestApp();
    await api.data.apiKeys.ensure('dashboard', hashApiKey(READER_KEY), ['read', 'events:write']);
    await api.data.apiKeys.ensure('ops', hashApiKey(OPS_KEY), ['admin']);
  });

  afterAll(() => api?.close());

  it('asks for credentials (401 with a Basic challenge) on pages, static files and the JSON API', async () => {
    for (const path of ['', '/', '/queue/route', '/static/images/logo.svg', '/api/queues']) {
      const response = await board('GET', path, null);
      expect({ path, status: response.status }).toEqual({ path, status: 401 });
      expect(response.headers.get('www-authenticate')).toBe(CHALLENGE);
      expectErrorEnvelope({ ...response, body: response.json }, 401, 'unauthorized');
    }
    const action = await board('PUT', '/api/queues/deliver.email/pause', null);
    expect(action.status).toBe(401);
    expect((await api.request('GET', '/v1/admin/status')).body.channels.email.channelPaused).toBe(false);
  });

  it('answers 401 to a wrong password, an empty one and another scheme', async () => {
    for (const authorization of [
      basicAuth('admin', 'not-a-key'),
      basicAuth('admin', ''),
      basicAuth('', ''),
      `Bearer ${ADMIN_KEY}`,
      'Basic %%%',
    ]) {
      const response = await board('GET', '/api/queues', authorization);
      expect({ authorization, status: response.status }).toEqual({ authorization, status: 401 });
      expect(response.headers.get('www-authenticate')).toBe(CHALLENGE);
    }
  });

  it('answers 403 to a key without the admin scope', async () => {
    for (const path of ['/', '/api/queues']) {
      const response = await board('GET', path, basicAuth('dashboard', READER_KEY));
      expectErrorEnvelope({ ...response, body: response.json }, 403, 'forbidden');
      expect(response.headers.get('www-authenticate')).toBeNull();
    }
  });

  it('serves the UI and its files to any admin key, whatever the username', async () => {
    for (const authorization of [admin, basicAuth('ops', OPS_KEY), basicAuth('', OPS_KEY)]) {
      const page = await board('GET', '/', authorization);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.text).toContain('<title>Herald queues</title>');
      expect(page.text).toContain('<base href="/admin/queues/"');
    }
    const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec((await board('GET', '/')).text)?.[1];
    expect(script).toBeDefined();
    const file = await board('GET', `/${script}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/javascript/);
  });

  it('lists every Herald queue with its counts, under the queue prefix', async () => {
    const accepted = await api.request('POST', '/v1/events', { body: { type: 'job.failed' } });
    expect(accepted.status).toBe(202);
    const jobId = await addFailedJob(api.queuePrefix, 'deliver.webhook', 'HTTP 410 from the receiver');

    const response = await board('GET', '/api/queues?activeQueue=deliver.webhook&status=failed');
    expect(response.status).toBe(200);
    const queues: { name: string; counts: Record<string, number>; jobs: unknown[] }[] = response.json.queues;
    expect(queues.map((queue) => queue.name).sort()).toEqual(ALL_QUEUES);
    for (const queue of queues) {
      expect(queue.counts).toEqual(
        expect.objectContaining({ waiting: expect.any(Number), failed: expect.any(Number) }),
      );
    }
    const byName = new Map(queues.map((queue) => [queue.name, queue]));
    // The accepted event's route job (no router runs here), and the job the worker failed.
    expect(byName.get('route')?.counts.waiting).toBe(1);
    expect(byName.get('deliver.webhook')?.counts.failed).toBe(1);
    expect(byName.get('deliver.webhook')?.jobs).toEqual([
      expect.objectContaining({ id: jobId, failedReason: 'HTTP 410 from the receiver' }),
    ]);
  });

  it("pauses a deliver queue as Herald's channel switch, stored like POST /v1/admin/channels/:channel/pause", async () => {
    expect((await board('PUT', '/api/queues/deliver.email/pause')).status).toBe(200);
    let status = (await api.request('GET', '/v1/admin/status')).body;
    expect(status.channels.email).toMatchObject({ paused: true, channelPaused: true });
    expect(await api.data.settings.readPauseFlags()).toEqual({ paused: false, channels: ['email'] });
    let listed = (await board('GET', '/api/queues')).json.queues;
    expect(listed.find((queue: { name: string }) => queue.name === 'deliver.email').isPaused).toBe(true);

    expect((await board('PUT', '/api/queues/deliver.email/resume')).status).toBe(200);
    status = (await api.request('GET', '/v1/admin/status')).body;
    expect(status.channels.email).toMatchObject({ paused: false, channelPaused: false });
    listed = (await board('GET', '/api/queues')).json.queues;
    expect(listed.find((queue: { name: string }) => queue.name === 'deliver.email').isPaused).toBe(false);
  });

  it('says why a channel stays paused while the global switch is on', async () => {
    expect((await api.request('POST', '/v1/admin/pause')).status).toBe(200);
    const refused = await board('PUT', '/api/queues/deliver.twilio/resume');
    expect(refused.status).toBe(409);
    expect(refused.json.message).toMatch(/POST \/v1\/admin\/resume/);
    expect((await api.request('GET', '/v1/admin/status')).body.channels.twilio.paused).toBe(true);
    expect((await api.request('POST', '/v1/admin/resume')).status).toBe(200);
  });

  it('refuses the board-wide pause and resume, pointing to the kill switch', async () => {
    for (const action of ['pause', 'resume']) {
      const refused = await board('PUT', `/api/queues/${action}`);
      expect(refused.status).toBe(409);
      expect(refused.json.message).toContain(`POST /v1/admin/${action}`);
    }
    const status = (await api.request('GET', '/v1/admin/status')).body;
    expect(Object.values(status.channels).some((channel) => (channel as { paused: boolean }).paused)).toBe(
      false,
    );
  });

  it('retries a failed job from the board', async () => {
    const jobId = await addFailedJob(api.queuePrefix, 'deliver.slack', 'channel_not_found');
    expect((await board('PUT', `/api/queues/deliver.slack/${jobId}/retry`)).status).toBe(204);
    const job = await board('GET', `/api/queues/deliver.slack/${jobId}`);
    expect(job.json.status).toBe('waiting');
  });

  it('stays out of the OpenAPI document', async () => {
    const paths = Object.keys((await api.request('GET', '/docs-json', { key: null })).body.paths);
    expect(paths.filter((path) => path.startsWith('/admin'))).toEqual([]);
  });

  it('lets nobody in once no admin key is active', async () => {
    const { items } = await api.data.apiKeys.list({ includeRevoked: false, limit: 100 });
    for (const key of items.filter((item) => item.scopes.includes(ApiScope.Admin))) {
      await api.data.apiKeys.revoke(key.id);
    }
    for (const authorization of [admin, basicAuth('ops', OPS_KEY), basicAuth('admin', '')]) {
      const response = await board('GET', '/api/queues', authorization);
      expect(response.status).toBe(401);
    }
  });
});
