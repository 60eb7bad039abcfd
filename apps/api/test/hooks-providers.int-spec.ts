import { createHmac } from 'node:crypto';
import { DOCKERHUB_PAYLOAD, PHABRICATOR_PAYLOAD } from './hooks-fixtures.js';
import { type ApiResponse, expectErrorEnvelope, startTestApp, type TestApp } from './support/test-app.js';

const DOCKERHUB_TOKEN = 'dh-token-0123456789abcdef';
const PHABRICATOR_KEY = 'phabricator-hmac-key';
const GENERIC_SECRET = 'generic-hmac-secret';

const hmac = (key: string, content: string) => createHmac('sha256', key).update(content).digest('hex');

describe('POST /v1/hooks: Docker Hub, Phabricator and generic hooks', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
    for (const [provider, account, secret] of [
      ['dockerhub', 'acme', DOCKERHUB_TOKEN],
      ['phabricator', 'phab', PHABRICATOR_KEY],
      ['generic', 'ci', GENERIC_SECRET],
    ]) {
      const created = await api.request('POST', '/v1/admin/hook-sources', {
        body: { provider, account, secret },
      });
      expect(created.status).toBe(201);
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  const post = (path: string, raw: string, headers: Record<string, string> = {}) =>
    api.request('POST', path, { raw, key: null, headers });

  async function stored(response: ApiResponse) {
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ id: expect.any(String), status: 'accepted' });
    return (await api.data.notifications.findById(response.body.id))!;
  }

  describe('Docker Hub (token in the path)', () => {
    const body = JSON.stringify(DOCKERHUB_PAYLOAD);

    it('accepts the documented payload sent to the token URL', async () => {
      const notification = await stored(await post(`/v1/hooks/dockerhub/acme/${DOCKERHUB_TOKEN}`, body));
      expect(notification).toMatchObject({
        type: 'dockerhub.push',
        source: { kind: 'dockerhub_account', id: 'acme' },
        trigger: null,
        data: {
          ...DOCKERHUB_PAYLOAD,
          title: '[svendowideit/testhook] pushed tag latest by trustedbuilder',
          summary: '[svendowideit/testhook] pushed tag latest by trustedbuilder',
        },
      });
      // Docker Hub sends no delivery id: the same push again is the same notification.
      const again = await post(`/v1/hooks/dockerhub/acme/${DOCKERHUB_TOKEN}`, body);
      expect(again.body.id).toBe(notification.id);
    });

    it('refuses a wrong token, and no token at all', async () => {
      expectErrorEnvelope(
        await post('/v1/hooks/dockerhub/acme/dh-token-0123456789abcdeX', body),
        403,
        'forbidden',
      );
      expectErrorEnvelope(await post('/v1/hooks/dockerhub/acme', body), 403, 'forbidden');
      expectErrorEnvelope(await post(`/v1/hooks/dockerhub/other/${DOCKERHUB_TOKEN}`, body), 404, 'not_found');
    });
  });

  describe('Phabricator (X-Phabricator-Webhook-Signature)', () => {
    const body = JSON.stringify(PHABRICATOR_PAYLOAD);

    it('accepts the documented payload with the HMAC of its body', async () => {
      const notification = await stored(
        await post('/v1/hooks/phabricator/phab', body, {
          'X-Phabricator-Webhook-Signature': hmac(PHABRICATOR_KEY, body),
        }),
      );
      expect(notification).toMatchObject({
        type: 'phabricator.task',
        source: { kind: 'phabricator_account', id: 'phab' },
        data: {
          object: PHABRICATOR_PAYLOAD.object,
          summary: '[phab] task PHID-TASK-abcd1234 changed (2 transactions)',
        },
      });
      const revision = JSON.stringify({
        ...PHABRICATOR_PAYLOAD,
        object: { type: 'DREV', phid: 'PHID-DREV-42' },
      });
      const reviewed = await stored(
        await post('/v1/hooks/phabricator/phab', revision, {
          'X-Phabricator-Webhook-Signature': hmac(PHABRICATOR_KEY, revision),
        }),
      );
      expect(reviewed.type).toBe('phabricator.revision');
    });

    it('refuses a wrong or missing signature, and a payload without object.type', async () => {
      const wrong = { 'X-Phabricator-Webhook-Signature': hmac('other-key', body) };
      expectErrorEnvelope(await post('/v1/hooks/phabricator/phab', body, wrong), 403, 'forbidden');
      expectErrorEnvelope(await post('/v1/hooks/phabricator/phab', body), 403, 'forbidden');
      const bare = JSON.stringify({ object: {} });
      const response = await post('/v1/hooks/phabricator/phab', bare, {
        'X-Phabricator-Webhook-Signature': hmac(PHABRICATOR_KEY, bare),
      });
      expectErrorEnvelope(response, 400, 'validation_failed');
      expect(response.body.error.details).toEqual([
        { field: 'object.type', messages: ['object.type is required'] },
      ]);
    });
  });

  describe('generic (X-Herald-Timestamp + X-Herald-Signature)', () => {
    const body = JSON.stringify({
      type: 'deploy.finished',
      trigger: 'success',
      title: 'Deploy of web finished',
      url: 'https://ci.example.com/deploys/42',
      version: '42',
    });
    const now = () => Math.floor(Date.now() / 1000);
    const signed = (timestamp: number, content = body, secret = GENERIC_SECRET) => ({
      'X-Herald-Timestamp': String(timestamp),
      'X-Herald-Signature': `sha256=${hmac(secret, `${timestamp}.${content}`)}`,
    });

    it('accepts a fresh signature and stores the event the body describes', async () => {
      const notification = await stored(await post('/v1/hooks/generic/ci', body, signed(now())));
      expect(notification).toMatchObject({
        type: 'generic.deploy.finished',
        source: { kind: 'generic_account', id: 'ci' },
        trigger: 'success',
        data: { version: '42', title: 'Deploy of web finished', summary: 'Deploy of web finished' },
        actions: [{ label: 'Open', url: 'https://ci.example.com/deploys/42' }],
      });
    });

    it('refuses stale and future timestamps, another secret, and a missing signature', async () => {
      expectErrorEnvelope(await post('/v1/hooks/generic/ci', body, signed(now() - 301)), 403, 'forbidden');
      expectErrorEnvelope(await post('/v1/hooks/generic/ci', body, signed(now() + 301)), 403, 'forbidden');
      expectErrorEnvelope(
        await post('/v1/hooks/generic/ci', body, signed(now(), body, 'other')),
        403,
        'forbidden',
      );
      expectErrorEnvelope(
        await post('/v1/hooks/generic/ci', body, { 'X-Herald-Timestamp': String(now()) }),
        403,
        'forbidden',
      );
    });

    it('makes a replay of the same signed request the same notification, and honours Idempotency-Key', async () => {
      const headers = signed(now());
      const first = await post('/v1/hooks/generic/ci', body, headers);
      const replay = await post('/v1/hooks/generic/ci', body, headers);
      expect(replay.body.id).toBe(first.body.id);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');

      const keyed = { ...signed(now()), 'Idempotency-Key': 'deploy-42' };
      const a = await post('/v1/hooks/generic/ci', body, keyed);
      const b = await post('/v1/hooks/generic/ci', body, {
        ...signed(now() - 1),
        'Idempotency-Key': 'deploy-42',
      });
      expect(b.body.id).toBe(a.body.id);
    });

    it('takes the type from X-Herald-Event, and refuses a hook that names none', async () => {
      const untyped = JSON.stringify({ build: 7 });
      const typed = await stored(
        await post('/v1/hooks/generic/ci', untyped, {
          ...signed(now(), untyped),
          'X-Herald-Event': 'build.started',
        }),
      );
      expect(typed).toMatchObject({
        type: 'generic.build.started',
        data: { build: 7, summary: '[ci] build.started' },
      });
      expectErrorEnvelope(
        await post('/v1/hooks/generic/ci', untyped, signed(now(), untyped)),
        400,
        'validation_failed',
      );
      const badType = JSON.stringify({ type: 'no spaces allowed' });
      expectErrorEnvelope(
        await post('/v1/hooks/generic/ci', badType, signed(now(), badType)),
        400,
        'validation_failed',
      );
    });

    it('answers malformed JSON with 400 once signed, unsigned garbage with 403', async () => {
      expectErrorEnvelope(
        await post('/v1/hooks/generic/ci', '{"type":', signed(now(), '{"type":')),
        400,
        'invalid_json',
      );
      expectErrorEnvelope(await post('/v1/hooks/generic/ci', '{"type":'), 403, 'forbidden');
    });
  });
});
