import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHeraldClient, HeraldApiError } from '../src/index.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

/** A stand-in for the API that answers from a script and remembers every request. */
async function scriptedApi(answers: Answer[]): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push({ method: request.method!, url: request.url!, headers: request.headers, body });
      const answer = answers[Math.min(seen.length - 1, answers.length - 1)]!;
      response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      response.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

const UNAVAILABLE: Answer = {
  status: 503,
  body: { error: { code: 'service_unavailable', message: 'The database is unavailable; retry later' } },
};
const FAST = { retryBaseMs: 5, retryCapMs: 20 };

describe('createHeraldClient over REST', () => {
  const servers: Server[] = [];

  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  async function start(answers: Answer[]) {
    const api = await scriptedApi(answers);
    servers.push(api.server);
    return api;
  }

  it('retries a 503 with the same generated Idempotency-Key until the event is accepted', async () => {
    const api = await start([
      UNAVAILABLE,
      UNAVAILABLE,
      { status: 202, body: { id: 'n-1', status: 'accepted' } },
    ]);
    const client = createHeraldClient({ url: `${api.url}/` }, { apiKey: 'k-1', ...FAST });

    const triggered = await client.trigger({ type: 'job.failed', data: { job: 'web' } });

    expect(triggered).toEqual({
      id: 'n-1',
      status: 'accepted',
      replayed: false,
      idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(api.seen).toHaveLength(3);
    for (const request of api.seen) {
      expect(request).toMatchObject({ method: 'POST', url: '/v1/events' });
      expect(request.headers['idempotency-key']).toBe(triggered.idempotencyKey);
      expect(request.headers.authorization).toBe('Bearer k-1');
      expect(JSON.parse(request.body)).toEqual({ type: 'job.failed', data: { job: 'web' } });
    }
  });

  it("keeps the caller's idempotency key and reports a replay", async () => {
    const api = await start([
      { status: 202, body: { id: 'n-1', status: 'accepted' }, headers: { 'idempotent-replayed': 'true' } },
    ]);
    const client = createHeraldClient({ url: api.url }, { apiKey: 'k-1' });
    expect(await client.trigger({ type: 'job.failed', idempotencyKey: 'run-7' })).toMatchObject({
      replayed: true,
      idempotencyKey: 'run-7',
    });
    expect(api.seen[0]!.headers['idempotency-key']).toBe('run-7');
  });

  it('gives up after the retries, with the last 503', async () => {
    const api = await start([UNAVAILABLE]);
    const client = createHeraldClient({ url: api.url }, { apiKey: 'k-1', retries: 2, ...FAST });
    await expect(client.status()).rejects.toMatchObject({ status: 503, code: 'service_unavailable' });
    expect(api.seen).toHaveLength(3);
  });

  it('does not retry what would fail again, and keeps the envelope', async () => {
    const api = await start([
      {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'The request is invalid: type',
            details: [{ field: 'type', messages: ['type must be ...'] }],
          },
        },
      },
    ]);
    const client = createHeraldClient({ url: api.url }, { apiKey: 'k-1', ...FAST });
    const error = await client.trigger({ type: '!' }).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(HeraldApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'The request is invalid: type',
      details: [{ field: 'type', messages: ['type must be ...'] }],
    });
    expect(api.seen).toHaveLength(1);
  });

  it('retries a server that does not answer at all, then reports it unavailable', async () => {
    const api = await start([]);
    await new Promise((resolve) => api.server.close(resolve));
    const client = createHeraldClient({ url: api.url }, { apiKey: 'k-1', retries: 1, ...FAST });
    await expect(client.getNotification('n-1')).rejects.toMatchObject({
      status: 503,
      code: 'service_unavailable',
      message: expect.stringMatching(/did not answer: fetch failed: .*ECONNREFUSED/),
    });
  });

  it('calls the REST routes of each operation', async () => {
    const status = { paused: false, channels: {}, route: {} };
    const api = await start([{ status: 200, body: status }]);
    const client = createHeraldClient({ url: api.url }, { apiKey: 'k-1' });
    await client.getNotification('a/b');
    await client.pause();
    await client.pause('email');
    await client.resume();
    await client.resume('email');
    expect(await client.status()).toEqual(status);
    expect(api.seen.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'GET /v1/notifications/a%2Fb',
      'POST /v1/admin/pause',
      'POST /v1/admin/channels/email/pause',
      'POST /v1/admin/resume',
      'POST /v1/admin/channels/email/resume',
      'GET /v1/admin/status',
    ]);
  });
});
