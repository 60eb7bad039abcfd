import { ChannelName, type MatrixConfigDto } from '@herald/contracts';
import { DeliveryErrorCode, type OutboundDelivery } from '@herald/worker-kit';
import { failureOf, openSignal, outboundDelivery, outboundNotifier } from '@herald/worker-kit/testing';
import { FakeHomeserver, json } from '../test/fake-homeserver.js';
import { transactionIdOf } from './build-matrix-payload.js';
import { MatrixAdapter } from './matrix.adapter.js';

const TOKEN = 'syt_aGVyYWxk_token';
const OPS = '!ops:example.org';
const ALERTS = '!alerts:example.org';

let homeserver: FakeHomeserver;
let adapter: MatrixAdapter;

beforeEach(async () => {
  homeserver = new FakeHomeserver(TOKEN, [OPS, ALERTS, '!dm-ada:example.org']);
  await homeserver.start();
  adapter = new MatrixAdapter();
});

afterEach(async () => {
  await adapter.close();
  await homeserver.stop();
});

function notifier(overrides: Partial<MatrixConfigDto> = {}) {
  const config: MatrixConfigDto = {
    homeserverUrl: homeserver.url,
    accessToken: TOKEN,
    roomIds: [OPS],
    ...overrides,
  };
  return outboundNotifier(ChannelName.Matrix, config);
}

function roomDelivery(overrides: Partial<OutboundDelivery> = {}): OutboundDelivery {
  return outboundDelivery({ channel: ChannelName.Matrix, user: null, address: null, ...overrides });
}

describe('MatrixAdapter against a fake homeserver', () => {
  it('PUTs the message to the room with the bearer token and returns the event id', async () => {
    const delivery = roomDelivery();

    const result = await adapter.send(delivery, notifier(), openSignal());

    expect(result).toEqual({ providerCode: '200', providerMessageId: '$event1:example.org' });
    const [request] = homeserver.requests;
    const txnId = transactionIdOf(delivery.id, OPS);
    expect(request.method).toBe('PUT');
    expect(request.path).toBe(`/_matrix/client/v3/rooms/!ops%3Aexample.org/send/m.room.message/${txnId}`);
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({
      msgtype: 'm.text',
      body: 'Job deploy web failed\n\nThe job deploy web failed. Open job: https://ci.example.com/jobs/42',
      format: 'org.matrix.custom.html',
      formatted_body: expect.stringContaining('<a href="https://ci.example.com/jobs/42">Open job</a>'),
    });
    expect(homeserver.events).toEqual([expect.objectContaining({ roomId: OPS, txnId })]);
  });

  it("sends a user delivery to the user's room as m.notice when asked", async () => {
    const delivery = outboundDelivery({ channel: ChannelName.Matrix, address: '!dm-ada:example.org' });

    await adapter.send(delivery, notifier({ notice: true }), openSignal());

    expect(homeserver.events).toEqual([
      expect.objectContaining({
        roomId: '!dm-ada:example.org',
        content: expect.objectContaining({ msgtype: 'm.notice' }),
      }),
    ]);
  });

  it('posts once when a send is retried after the answer was lost', async () => {
    const delivery = roomDelivery();
    const controller = new AbortController();
    homeserver.stallNext(1_000);
    setTimeout(() => controller.abort(), 100);

    const lost = await failureOf(adapter.send(delivery, notifier(), controller.signal));
    const retried = await adapter.send({ ...delivery, attemptNumber: 2 }, notifier(), openSignal());

    expect(lost.code).toBe(DeliveryErrorCode.Retryable);
    expect(lost.message).toMatch(/^dispatch timeout/);
    expect(homeserver.requests).toHaveLength(2);
    expect(homeserver.requests[1].path).toBe(homeserver.requests[0].path);
    expect(homeserver.events).toHaveLength(1);
    expect(retried.providerMessageId).toBe(homeserver.events[0].eventId);
  });

  it('sends to every room, and a retry after one room failed posts nothing twice', async () => {
    const delivery = roomDelivery();
    const rooms = notifier({ roomIds: [OPS, ALERTS] });
    homeserver.failNext(json(502, { errcode: 'M_UNKNOWN', error: 'Bad gateway' }), ALERTS);

    const error = await failureOf(adapter.send(delivery, rooms, openSignal()));
    const retried = await adapter.send({ ...delivery, attemptNumber: 2 }, rooms, openSignal());

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(homeserver.requests.map((request) => request.path.split('/')[5])).toEqual([
      '!ops%3Aexample.org',
      '!alerts%3Aexample.org',
      '!ops%3Aexample.org',
      '!alerts%3Aexample.org',
    ]);
    expect(homeserver.events.map((event) => event.roomId)).toEqual([OPS, ALERTS]);
    expect(retried.providerMessageId).toBe('$event1:example.org,$event2:example.org');
  });

  it('stops at the first room that fails for good', async () => {
    const delivery = roomDelivery();
    const rooms = notifier({ roomIds: [OPS, '!left:example.org', ALERTS] });

    const error = await failureOf(adapter.send(delivery, rooms, openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('M_FORBIDDEN');
    expect(homeserver.requests).toHaveLength(2);
    expect(homeserver.events.map((event) => event.roomId)).toEqual([OPS]);
  });

  it('retries a 500 and then posts exactly one event per room', async () => {
    const delivery = roomDelivery();
    homeserver.failNext(json(500, { errcode: 'M_UNKNOWN', error: 'Internal server error' }));

    const error = await failureOf(adapter.send(delivery, notifier(), openSignal()));
    await adapter.send({ ...delivery, attemptNumber: 2 }, notifier(), openSignal());
    await adapter.send({ ...delivery, attemptNumber: 3 }, notifier(), openSignal());

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.providerCode).toBe('M_UNKNOWN');
    expect(homeserver.events).toHaveLength(1);
  });

  it('is rate limited for retry_after_ms on M_LIMIT_EXCEEDED', async () => {
    homeserver.failNext(
      json(429, { errcode: 'M_LIMIT_EXCEEDED', error: 'Too Many Requests', retry_after_ms: 2000 }),
    );

    const error = await failureOf(adapter.send(roomDelivery(), notifier(), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error.retryAfterMs).toBe(2000);
    expect(error.providerCode).toBe('M_LIMIT_EXCEEDED');
    expect(homeserver.events).toHaveLength(0);
  });

  it('is rate limited for as long as Retry-After says when the homeserver sends it', async () => {
    homeserver.failNext(
      json(429, { errcode: 'M_LIMIT_EXCEEDED', error: 'Too Many Requests', retry_after_ms: 2000 }, 0, {
        'Retry-After': '3',
      }),
    );

    const error = await failureOf(adapter.send(roomDelivery(), notifier(), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error.retryAfterMs).toBe(3000);
  });

  it('fails permanently on an unknown access token', async () => {
    const error = await failureOf(
      adapter.send(roomDelivery(), notifier({ accessToken: 'revoked' }), openSignal()),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('M_UNKNOWN_TOKEN');
    expect(error.message).toContain('Invalid access token passed.');
  });

  it('fails permanently on a room the bot is not in', async () => {
    const delivery = outboundDelivery({ channel: ChannelName.Matrix, address: '!elsewhere:example.org' });

    const error = await failureOf(adapter.send(delivery, notifier(), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('M_FORBIDDEN');
  });

  it('fails permanently, without a request, on an invalid notifier config', async () => {
    const error = await failureOf(
      adapter.send(roomDelivery(), notifier({ roomIds: ['#ops:example.org'] }), openSignal()),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toContain('config.roomIds');
    expect(homeserver.requests).toHaveLength(0);
  });
});
