import { ChannelName, type MatrixConfigDto } from '@herald/contracts';
import { DeliveryErrorCode } from '@herald/worker-kit';
import { outboundDelivery, thrownBy } from '@herald/worker-kit/testing';
import { buildMatrixPayload, transactionIdOf } from './build-matrix-payload.js';

const DELIVERY_ID = '0b9f5a52-5d0e-4a57-9a43-1f2a7c3e8d10';

function matrixConfig(overrides: Partial<MatrixConfigDto> = {}): MatrixConfigDto {
  return {
    homeserverUrl: 'https://matrix.example.org/',
    accessToken: 'syt_bot_token',
    roomIds: ['!ops:example.org', '!alerts:example.org'],
    ...overrides,
  };
}

function notifierDelivery() {
  return outboundDelivery({ channel: ChannelName.Matrix, user: null, address: null });
}

describe('buildMatrixPayload', () => {
  it('PUTs an m.text message with its HTML rendering to the room of a user delivery', () => {
    const delivery = outboundDelivery({ channel: ChannelName.Matrix, address: '!dm-ada:example.org' });

    const [request, ...others] = buildMatrixPayload(delivery, matrixConfig());

    expect(others).toHaveLength(0);
    const txnId = transactionIdOf(DELIVERY_ID, '!dm-ada:example.org');
    expect(request).toEqual({
      roomId: '!dm-ada:example.org',
      txnId,
      url: `https://matrix.example.org/_matrix/client/v3/rooms/!dm-ada%3Aexample.org/send/m.room.message/${txnId}`,
      method: 'PUT',
      headers: { Authorization: 'Bearer syt_bot_token', 'Content-Type': 'application/json' },
      body: {
        msgtype: 'm.text',
        body: 'Job deploy web failed\n\nThe job deploy web failed. Open job: https://ci.example.com/jobs/42',
        format: 'org.matrix.custom.html',
        formatted_body:
          '<p><strong>Job <strong>deploy web</strong> failed</strong></p>\n' +
          '<p>The job <strong>deploy web</strong> failed. <a href="https://ci.example.com/jobs/42">Open job</a></p>',
      },
    });
  });

  it('sends one request per configured room for a notifier delivery, each with its own transaction', () => {
    const requests = buildMatrixPayload(notifierDelivery(), matrixConfig());

    expect(requests.map((request) => request.roomId)).toEqual(['!ops:example.org', '!alerts:example.org']);
    expect(requests[0].url).toContain('/rooms/!ops%3Aexample.org/send/m.room.message/');
    expect(requests[0].txnId).not.toBe(requests[1].txnId);
    expect(requests[0].body).toBe(requests[1].body);
  });

  it('sends a room listed twice once', () => {
    const config = matrixConfig({ roomIds: ['!ops:example.org', '!ops:example.org'] });

    expect(buildMatrixPayload(notifierDelivery(), config)).toHaveLength(1);
  });

  it('keeps the transaction id of a delivery and room the same on every attempt', () => {
    const first = buildMatrixPayload(notifierDelivery(), matrixConfig());
    const retried = buildMatrixPayload({ ...notifierDelivery(), attemptNumber: 3 }, matrixConfig());

    expect(retried.map((request) => request.url)).toEqual(first.map((request) => request.url));
    expect(transactionIdOf(DELIVERY_ID, '!ops:example.org')).toMatch(
      new RegExp(`^${DELIVERY_ID}\\.[0-9a-f]{16}$`),
    );
  });

  it('sends m.notice when the notifier asks for it', () => {
    const [request] = buildMatrixPayload(notifierDelivery(), matrixConfig({ notice: true }));

    expect(request.body.msgtype).toBe('m.notice');
  });

  it('encodes a room id of room version 12 and keeps HTML out of the plain body', () => {
    const delivery = outboundDelivery({
      channel: ChannelName.Matrix,
      address: '!31hneApxJ_1o-63DmFrpeqnkFfWppnzWso1JvH3ogLM',
      message: { title: 'Disk <b>full</b>', markdown: '`df` says 100%', text: 'df says 100%' },
    });

    const [request] = buildMatrixPayload(delivery, matrixConfig());

    expect(request.url).toContain('/rooms/!31hneApxJ_1o-63DmFrpeqnkFfWppnzWso1JvH3ogLM/send/');
    expect(request.body.body).toBe('Disk <b>full</b>\n\ndf says 100%');
    expect(request.body.formatted_body).toBe(
      '<p><strong>Disk &lt;b&gt;full&lt;/b&gt;</strong></p>\n<p><code>df</code> says 100%</p>',
    );
  });

  it('sends the title alone when the body is empty', () => {
    const delivery = outboundDelivery({
      channel: ChannelName.Matrix,
      address: '!dm:example.org',
      message: { title: 'Deployed', markdown: '', text: '' },
    });

    const [request] = buildMatrixPayload(delivery, matrixConfig());

    expect(request.body).toMatchObject({
      body: 'Deployed',
      formatted_body: '<p><strong>Deployed</strong></p>',
    });
  });

  it.each([
    ['a user id', '@ada:example.org'],
    ['a room alias', '#ops:example.org'],
    ['nothing', null],
  ])('fails permanently when the user address is %s', (_case, address) => {
    const delivery = outboundDelivery({ channel: ChannelName.Matrix, address });

    const error = thrownBy(() => buildMatrixPayload(delivery, matrixConfig()));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toMatch(/must be a room id/);
  });

  it('fails permanently when a notifier delivery has no room to go to', () => {
    const error = thrownBy(() =>
      buildMatrixPayload(notifierDelivery(), matrixConfig({ roomIds: undefined })),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toMatch(/no roomIds/);
  });
});
