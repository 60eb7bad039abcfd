import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { InboxItemView, InboxPageView } from '@herald/contracts';
import { eventually } from '@herald/testing';
import { ADMIN_KEY, HeraldStack } from './stack.js';

interface ReceivedEvent {
  event: string;
  id: string;
  item: InboxItemView;
  /** Date.now() when the event's last line arrived. */
  at: number;
}

/** A small EventSource over node:http: the `inbox` events it received, with their arrival times. */
class InboxStreamClient {
  readonly events: ReceivedEvent[] = [];
  private buffer = '';

  private constructor(
    readonly response: IncomingMessage,
    private readonly abort: () => void,
  ) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.read(chunk, Date.now()));
  }

  /** Resolves once the headers are in, by when the API has subscribed this stream. */
  static connect(url: string): Promise<InboxStreamClient> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(url, {
        headers: { authorization: `Bearer ${ADMIN_KEY}`, accept: 'text/event-stream' },
      });
      request.on('response', (response) => resolve(new InboxStreamClient(response, () => request.destroy())));
      request.on('error', reject);
      request.end();
    });
  }

  close(): void {
    this.abort();
  }

  private read(chunk: string, at: number): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const fields = new Map<string, string>();
      for (const line of this.buffer.slice(0, end).split('\n')) {
        const match = /^(event|id|data): ?(.*)$/.exec(line);
        if (match) fields.set(match[1]!, match[2]!);
      }
      this.buffer = this.buffer.slice(end + 2);
      if (fields.has('data')) {
        this.events.push({
          event: fields.get('event')!,
          id: fields.get('id')!,
          item: JSON.parse(fields.get('data')!) as InboxItemView,
          at,
        });
      }
    }
  }
}

/**
 * The in-app inbox through the real apps: an event for a user whose event type is delivered
 * `inapp` is stored in their inbox by the inapp worker and pushed live to their open stream.
 */
describe('in-app inbox, end to end', () => {
  const stack = new HeraldStack();
  let stream: InboxStreamClient | undefined;

  beforeAll(async () => {
    await stack.start({ extraApps: ['worker-inapp'] });
    const setup = [
      await stack.request('POST', '/v1/notifiers', {
        name: 'inbox',
        type: 'inapp',
        default: true,
        config: {},
      }),
      await stack.request('PUT', '/v1/event-types/build.finished', {
        defaultMethods: ['inapp'],
        templates: {
          inapp: {
            title: 'Build **{{ data.build }}** finished',
            body: 'The build **{{ data.build }}** finished: {{ data.result }}.',
          },
        },
      }),
      await stack.request('PUT', '/v1/users/u-1', { email: 'ada@example.com', name: 'Ada' }),
    ];
    for (const response of setup) {
      if (response.status >= 300)
        throw new Error(`setup: ${response.status} ${JSON.stringify(response.body)}`);
    }
  }, 60_000);

  afterAll(async () => {
    stream?.close();
    await stack.stop();
  });

  const inbox = async (query = '') =>
    (await stack.request<InboxPageView>('GET', `/v1/users/u-1/inbox${query}`)).body;

  async function post(build: string): Promise<{ id: string; acceptedAt: number }> {
    const accepted = await stack.request<{ id: string }>('POST', '/v1/events', {
      type: 'build.finished',
      recipients: [{ userId: 'u-1' }],
      data: { build: build, result: 'green' },
      actions: [{ label: 'Open build', url: `https://ci.example.com/builds/${build}` }],
    });
    expect(accepted.status).toBe(202);
    return { id: accepted.body.id, acceptedAt: Date.now() };
  }

  it('pushes the item to a stream opened before the event, within 1 s of the 202', async () => {
    stream = await InboxStreamClient.connect(`${stack.url}/v1/users/u-1/inbox/stream`);
    expect(stream.response.statusCode).toBe(200);
    expect((await inbox()).unreadCount).toBe(0);

    const { id, acceptedAt } = await post('web-1');
    const received = await eventually(() => stream!.events[0], 10_000, 'the inbox event');
    expect(received.at - acceptedAt).toBeLessThan(1000);

    expect(received.event).toBe('inbox');
    expect(received.item).toEqual({
      id: received.id,
      notificationId: id,
      type: 'build.finished',
      title: 'Build web-1 finished',
      markdown: 'The build **web-1** finished: green.',
      text: 'The build web-1 finished: green.',
      actions: [{ label: 'Open build', url: 'https://ci.example.com/builds/web-1' }],
      data: { build: 'web-1', result: 'green' },
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      readAt: null,
      expiresAt: null,
    });
    const page = await inbox();
    expect(page).toEqual({ items: [received.item], nextCursor: null, unreadCount: 1 });

    const notification = await eventually(
      async () => {
        const view = await stack.notification(id);
        return view.status === 'completed' ? view : undefined;
      },
      10_000,
      'the notification to complete',
    );
    expect(notification.deliveries).toEqual([
      expect.objectContaining({
        channel: 'inapp',
        notifier: 'inbox',
        userId: 'u-1',
        address: 'u-1',
        status: 'sent',
        attemptCount: 1,
      }),
    ]);
  });

  it('counts unread items right before and after marking one read, then all', async () => {
    await post('web-2');
    await post('web-3');
    await eventually(() => (stream!.events.length === 3 ? true : undefined), 10_000, 'three inbox events');
    const before = await inbox();
    expect(before.unreadCount).toBe(3);
    expect(before.items.map((item) => item.title)).toEqual([
      'Build web-3 finished',
      'Build web-2 finished',
      'Build web-1 finished',
    ]);

    const marked = await stack.request('POST', `/v1/users/u-1/inbox/${before.items[1]!.id}/read`);
    expect(marked.status).toBe(204);
    const afterOne = await inbox();
    expect(afterOne.unreadCount).toBe(2);
    expect((await inbox('?unread=true')).items.map((item) => item.title)).toEqual([
      'Build web-3 finished',
      'Build web-1 finished',
    ]);

    const all = await stack.request('POST', '/v1/users/u-1/inbox/read-all');
    expect(all).toMatchObject({ status: 200, body: { marked: 2 } });
    const afterAll = await inbox();
    expect(afterAll.unreadCount).toBe(0);
    expect(afterAll.items.every((item) => item.readAt !== null)).toBe(true);
  });
});
