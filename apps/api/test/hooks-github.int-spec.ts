import { randomUUID } from 'node:crypto';
import { QueueName } from '@herald/contracts';
import { createQueue, createRedisConnection } from '@herald/queue';
import { TEST_REDIS_URL } from '@herald/testing';
import { sign } from '@octokit/webhooks-methods';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { githubExample, withAction } from './hooks-fixtures.js';
import { type ApiResponse, expectErrorEnvelope, startTestApp, type TestApp } from './support/test-app.js';

const SECRET = 'github-webhook-secret-0123';
const PATH = '/v1/hooks/github/acme';

describe('POST /v1/hooks/github/:account (real payloads, signed as GitHub signs)', () => {
  let api: TestApp;
  let redis: Redis;
  let routeQueue: Queue;

  beforeAll(async () => {
    api = await startTestApp();
    redis = createRedisConnection(TEST_REDIS_URL, 'worker');
    routeQueue = createQueue(QueueName.Route, redis, api.queuePrefix, { attempts: 1 });
    const created = await api.request('POST', '/v1/admin/hook-sources', {
      body: { provider: 'github', account: 'acme', secret: SECRET },
    });
    expect(created.status).toBe(201);
  });

  afterAll(async () => {
    await routeQueue?.close();
    await redis?.quit();
    await api?.close();
  });

  /** Sends the payload as GitHub does: no API key, the HMAC of the exact bytes, event and delivery headers. */
  async function deliver(
    event: string,
    payload: unknown,
    options: { delivery?: string; secret?: string; signature?: string | null; path?: string } = {},
  ): Promise<ApiResponse> {
    const body = JSON.stringify(payload);
    const signature =
      options.signature === undefined ? await sign(options.secret ?? SECRET, body) : options.signature;
    return api.request('POST', options.path ?? PATH, {
      raw: body,
      key: null,
      headers: {
        'X-GitHub-Event': event,
        'X-GitHub-Delivery': options.delivery ?? randomUUID(),
        'User-Agent': 'GitHub-Hookshot/044aadd',
        ...(signature === null ? {} : { 'X-Hub-Signature-256': signature }),
      },
    });
  }

  async function expectAccepted(response: ApiResponse) {
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'accepted' });
    const stored = await api.data.notifications.findById(response.body.id);
    expect(stored?.enqueuedAt).toBeInstanceOf(Date);
    const job = await routeQueue.getJob(response.body.id);
    expect(job?.data).toEqual({ notificationId: response.body.id });
    return stored!;
  }

  it('turns a push into a github.push event from the account', async () => {
    const push = githubExample('push', (e) => e.ref === 'refs/heads/master');
    const stored = await expectAccepted(await deliver('push', push));
    expect(stored).toMatchObject({
      type: 'github.push',
      status: 'accepted',
      source: { kind: 'github_account', id: 'acme' },
      trigger: null,
      actions: [{ label: 'Open on GitHub', url: push.compare }],
    });
    expect(stored.data).toEqual({
      ...push,
      title: '[Codertocat/Hello-World] Codertocat pushed 1 commit to master',
      summary: '[Codertocat/Hello-World] Codertocat pushed 1 commit to master',
    });

    const view = await api.request('GET', `/v1/notifications/${stored.id}`);
    expect(view.body).toMatchObject({ type: 'github.push', source: { kind: 'github_account', id: 'acme' } });
  });

  it('turns an opened pull request, a closed issue and a failed workflow run into events', async () => {
    const opened = await expectAccepted(
      await deliver('pull_request', githubExample('pull_request', withAction('opened'))),
    );
    expect(opened).toMatchObject({
      type: 'github.pull_request',
      trigger: 'opened',
      data: {
        summary:
          '[Codertocat/Hello-World] Codertocat opened pull request #2: Update the README with new information.',
      },
    });

    // The examples have no closed issue: a reopened one, marked closed as GitHub would send it.
    const issue = githubExample('issues', withAction('reopened'));
    Object.assign(issue, { action: 'closed' });
    Object.assign(issue.issue as object, { state: 'closed' });
    const closed = await expectAccepted(await deliver('issues', issue));
    expect(closed).toMatchObject({
      type: 'github.issues',
      trigger: 'closed',
      data: {
        summary: '[Codertocat/Hello-World] issue #1 closed by Codertocat: Spelling error in the README file',
      },
    });

    // Nor a failed workflow run: a successful one, concluded in failure.
    const run = githubExample(
      'workflow_run',
      (e) => (e.workflow_run as { conclusion: unknown }).conclusion === 'success',
    );
    Object.assign(run.workflow_run as object, { conclusion: 'failure', name: 'CI' });
    const failed = await expectAccepted(await deliver('workflow_run', run));
    expect(failed).toMatchObject({
      type: 'github.workflow_run',
      trigger: 'error',
      data: { summary: '[octo-org/octo-repo] workflow CI failed on master' },
    });

    // A real failed job, as the examples have it.
    const job = githubExample(
      'workflow_job',
      (e) => (e.workflow_job as { conclusion: unknown }).conclusion === 'failure',
    );
    expect(await expectAccepted(await deliver('workflow_job', job))).toMatchObject({ trigger: 'error' });
  });

  it("answers a ping with GitHub's zen and stores nothing", async () => {
    const before = await api.request('GET', '/v1/notifications?limit=100');
    const response = await deliver('ping', githubExample('ping'));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true, zen: 'Anything added dilutes everything else.' });
    const after = await api.request('GET', '/v1/notifications?limit=100');
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('makes a redelivery (same X-GitHub-Delivery) the same notification', async () => {
    const delivery = randomUUID();
    const payload = githubExample('pull_request', withAction('opened'));
    const first = await deliver('pull_request', payload, { delivery });
    const again = await deliver('pull_request', payload, { delivery });
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const stored = await api.data.notifications.findById(first.body.id);
    expect(stored?.idempotencyKey).toBe(delivery);
    // The key belongs to the hook source, not to any API key.
    const source = await api.data.hookSources.find('github', 'acme');
    expect(stored?.apiKeyId).toBe(source?.id);
  });

  it('refuses a wrong, a missing and a malformed signature with 403, storing nothing', async () => {
    const push = githubExample('push');
    const before = (await api.request('GET', '/v1/notifications?limit=100')).body.items.length;
    expectErrorEnvelope(await deliver('push', push, { secret: 'not-the-secret' }), 403, 'forbidden');
    expectErrorEnvelope(await deliver('push', push, { signature: null }), 403, 'forbidden');
    expectErrorEnvelope(await deliver('push', push, { signature: 'sha256=' }), 403, 'forbidden');
    expectErrorEnvelope(await deliver('push', push, { signature: 'sha1=0123' }), 403, 'forbidden');
    expect((await api.request('GET', '/v1/notifications?limit=100')).body.items).toHaveLength(before);
  });

  it('refuses an unknown account or provider with 404, whatever the signature', async () => {
    const push = githubExample('push');
    expectErrorEnvelope(await deliver('push', push, { path: '/v1/hooks/github/nobody' }), 404, 'not_found');
    expectErrorEnvelope(await deliver('push', push, { path: '/v1/hooks/gitlab/acme' }), 404, 'not_found');
  });

  it('answers malformed JSON with 400 once the signature holds, and a body over the limit with 413', async () => {
    const broken = '{"ref": "refs/heads/main",';
    const malformed = await api.request('POST', PATH, {
      raw: broken,
      key: null,
      headers: { 'X-GitHub-Event': 'push', 'X-Hub-Signature-256': await sign(SECRET, broken) },
    });
    expectErrorEnvelope(malformed, 400, 'invalid_json');

    const huge = JSON.stringify({ padding: 'x'.repeat(1024 * 1024 + 16) });
    const tooBig = await api.request('POST', PATH, {
      raw: huge,
      key: null,
      headers: { 'X-GitHub-Event': 'push', 'X-Hub-Signature-256': await sign(SECRET, huge) },
    });
    expectErrorEnvelope(tooBig, 413, 'payload_too_large');
  });

  it("accepts GitHub's form-encoded content type, signed over the form body", async () => {
    const form = `payload=${encodeURIComponent(JSON.stringify(githubExample('issues', withAction('opened'))))}`;
    const response = await api.request('POST', PATH, {
      raw: form,
      key: null,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'X-GitHub-Event': 'issues',
        'X-GitHub-Delivery': randomUUID(),
        'X-Hub-Signature-256': await sign(SECRET, form),
      },
    });
    expect((await expectAccepted(response)).type).toBe('github.issues');
  });

  it('leaves the other routes parsing JSON as before', async () => {
    const response = await api.request('POST', '/v1/events', { body: { type: 'still.json' } });
    expect(response.status).toBe(202);
    expectErrorEnvelope(await api.request('POST', '/v1/events', { raw: '{"type":' }), 400, 'invalid_json');
  });
});
