import { randomUUID } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { Redis } from 'ioredis';
import { inboxChannelName, type InboxItemView } from '@herald/contracts';
import { createRedisConnection } from '@herald/queue';
import { eventually, proxiedUrl, TcpProxy, TEST_REDIS_URL } from '@herald/testing';
import { ADMIN_KEY, expectErrorEnvelope, startTestApp, type TestApp } from './support/test-app.js';

interface SseEvent {
  event: string;
  id: string;
  data: string;
}

/** A minimal EventSource over node:http: what the API streams, parsed, and whether it ended. */
class SseClient {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  ended = false;
  private buffer = '';

  private constructor(
    readonly response: IncomingMessage,
    private readonly abort: () => void,
  ) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.read(chunk));
    response.on('end', () => (this.ended = true));
    response.on('error', () => (this.ended = true));
  }

  /** Resolves once the response headers are in: the server has subscribed the stream by then. */
  static connect(url: string, key = ADMIN_KEY): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(url, {
        headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream' },
      });
      request.on('response', (response) => resolve(new SseClient(response, () => request.destroy())));
      request.on('error', reject);
      request.end();
    });
  }

  close(): void {
    this.abort();
  }

  private read(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const fields: Record<string, string> = {};
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
        const match = /^(event|id|data): ?(.*)$/.exec(line);
        if (match) fields[match[1]!] = fields[match[1]!] ? `${fields[match[1]!]}\n${match[2]}` : match[2]!;
      }
      if (fields.data !== undefined) this.events.push(fields as unknown as SseEvent);
    }
  }
}

function item(overrides: Partial<InboxItemView> = {}): InboxItemView {
  return {
    id: randomUUID(),
    notificationId: randomUUID(),
    type: 'job.failed',
    title: 'Job deploy web failed',
    markdown: 'The job **deploy web** failed.',
    text: 'The job deploy web failed.',
    actions: [],
    data: { job: 'deploy web' },
    createdAt: new Date().toISOString(),
    readAt: null,
    expiresAt: null,
    ...overrides,
  };
}

describe('GET /v1/users/:id/inbox/stream', () => {
  let api: TestApp;
  let publisher: Redis;
  const clients: SseClient[] = [];

  beforeAll(async () => {
    api = await startTestApp();
    publisher = createRedisConnection(TEST_REDIS_URL, 'worker');
    for (const id of ['u-ada', 'u-bob']) await api.request('PUT', `/v1/users/${id}`, { body: {} });
  });

  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  afterAll(async () => {
    publisher?.disconnect();
    await api?.close();
  });

  async function open(userId: string): Promise<SseClient> {
    const client = await SseClient.connect(`${api.baseUrl}/v1/users/${userId}/inbox/stream`);
    clients.push(client);
    return client;
  }

  const publish = (userId: string, pushed: InboxItemView) =>
    publisher.publish(inboxChannelName(api.queuePrefix), JSON.stringify({ userId, item: pushed }));

  it('opens an event stream and pushes each item published for its user', async () => {
    const ada = await open('u-ada');
    expect(ada.response.statusCode).toBe(200);
    expect(ada.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(ada.response.headers['cache-control']).toBe('no-cache, no-transform');

    const pushed = item();
    await publish('u-ada', pushed);
    const event = await eventually(() => ada.events[0], 2000, 'the pushed item');
    expect(event).toEqual({ event: 'inbox', id: pushed.id, data: JSON.stringify(pushed) });
    expect(JSON.parse(event.data)).toEqual(pushed);
    expect(ada.comments).toContain('connected');
  });

  it('pushes to every stream of that user and to no one else', async () => {
    const [first, second, bob] = [await open('u-ada'), await open('u-ada'), await open('u-bob')];
    const forAda = item();
    const forBob = item();
    await publish('u-ada', forAda);
    await publish('u-bob', forBob);
    await eventually(() =>
      first.events.length && second.events.length && bob.events.length ? true : undefined,
    );
    expect(first.events.map((e) => e.id)).toEqual([forAda.id]);
    expect(second.events.map((e) => e.id)).toEqual([forAda.id]);
    expect(bob.events.map((e) => e.id)).toEqual([forBob.id]);
  });

  it('ignores a malformed publication and keeps streaming', async () => {
    const ada = await open('u-ada');
    await publisher.publish(inboxChannelName(api.queuePrefix), 'not json');
    await publisher.publish(inboxChannelName(api.queuePrefix), JSON.stringify({ userId: 'u-ada' }));
    const pushed = item();
    await publish('u-ada', pushed);
    await eventually(() => ada.events[0], 2000, 'the good item');
    expect(ada.events.map((e) => e.id)).toEqual([pushed.id]);
  });
});

describe('GET /v1/users/:id/inbox/stream at shutdown', () => {
  it('ends open streams, so the API closes instead of waiting on them', async () => {
    const api = await startTestApp();
    await api.request('PUT', '/v1/users/u-ada', { body: {} });
    const client = await SseClient.connect(`${api.baseUrl}/v1/users/u-ada/inbox/stream`);
    expect(client.response.statusCode).toBe(200);
    const started = Date.now();
    await api.close();
    expect(Date.now() - started).toBeLessThan(5000);
    await eventually(() => (client.ended ? true : undefined), 1000, 'the stream to end');
  });
});

describe('GET /v1/users/:id/inbox/stream with Redis away', () => {
  let api: TestApp;
  let proxy: TcpProxy;
  let proxyPort: number;

  beforeAll(async () => {
    proxy = TcpProxy.inFrontOf(TEST_REDIS_URL, 6379);
    proxyPort = await proxy.start();
    api = await startTestApp(() => ({ REDIS_URL: proxiedUrl(TEST_REDIS_URL, proxyPort) }));
    await api.request('PUT', '/v1/users/u-ada', { body: {} });
  });

  afterAll(async () => {
    await proxy?.stop();
    await api?.close();
  });

  it('ends open streams when Redis goes, answers 503 while it is away, streams again once it is back', async () => {
    const url = `${api.baseUrl}/v1/users/u-ada/inbox/stream`;
    const before = await SseClient.connect(url);
    expect(before.response.statusCode).toBe(200);

    await proxy.stop();
    // Ended rather than left open and silent: the client reconnects and lists what it missed.
    await eventually(() => (before.ended ? true : undefined), 3000, 'the stream to end');

    const started = Date.now();
    const refused = await api.request('GET', '/v1/users/u-ada/inbox/stream');
    expectErrorEnvelope(refused, 503, 'service_unavailable');
    expect(Date.now() - started).toBeLessThan(3000);

    await proxy.start(proxyPort);
    const after = await eventually(
      async () => {
        const client = await SseClient.connect(url);
        if (client.response.statusCode === 200) return client;
        client.close();
        return undefined;
      },
      10_000,
      'the stream to open again',
      200,
    );
    const publisher = createRedisConnection(TEST_REDIS_URL, 'worker');
    try {
      const pushed = item();
      // Subscribed again after the reconnect: the item reaches the new stream.
      await eventually(
        async () => {
          await publisher.publish(
            inboxChannelName(api.queuePrefix),
            JSON.stringify({ userId: 'u-ada', item: pushed }),
          );
          return after.events[0];
        },
        5000,
        'an item on the stream after the outage',
        200,
      );
    } finally {
      publisher.disconnect();
      after.close();
    }
  });
});
