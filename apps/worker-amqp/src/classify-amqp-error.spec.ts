import { DeliveryErrorCode } from '@herald/worker-kit';
import { classifyAmqpError } from './classify-amqp-error.js';

const target = { exchange: 'herald.events', routingKey: 'job.failed' };

/** What amqplib emits when RabbitMQ closes a channel or connection (lib/channel.js). */
function closedBy(code: number, text: string): Error {
  return Object.assign(
    new Error(
      `Channel closed by server: ${code} (${text.split(' - ')[0].replace('_', '-')}) with message "${text}"`,
    ),
    {
      code,
    },
  );
}

describe('classifyAmqpError', () => {
  it('accepts a confirmed publish', () => {
    expect(classifyAmqpError({ confirmed: true }, target)).toBeNull();
  });

  it('gives up on a mandatory message that reached no queue', () => {
    const error = classifyAmqpError({ returned: { replyCode: 312, replyText: 'NO_ROUTE' } }, target);

    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.providerCode).toBe('312');
    expect(error?.message).toBe(
      'no queue bound to exchange "herald.events" with routing key "job.failed" (312 NO_ROUTE)',
    );
  });

  it('retries a nacked message', () => {
    expect(classifyAmqpError({ nacked: true }, target)?.code).toBe(DeliveryErrorCode.Retryable);
  });

  it.each([
    [closedBy(404, "NOT_FOUND - no exchange 'herald.events' in vhost '/'"), '404'],
    [
      closedBy(
        403,
        "ACCESS_REFUSED - access to exchange 'herald.events' in vhost '/' refused for user 'herald'",
      ),
      '403',
    ],
    [
      closedBy(
        406,
        'PRECONDITION_FAILED - message size 200000000 is larger than configured max size 134217728',
      ),
      '406',
    ],
    [
      new Error(
        'Handshake terminated by server: 403 (ACCESS-REFUSED) with message "ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile."',
      ),
      '403',
    ],
    [new Error('Expected ConnectionOpenOk; got <ConnectionClose channel:0>'), '530'],
  ])('gives up on %s', (error, providerCode) => {
    const classified = classifyAmqpError({ error }, target);

    expect(classified?.code).toBe(DeliveryErrorCode.Permanent);
    expect(classified?.providerCode).toBe(providerCode);
  });

  it('retries a message that only shared the channel another notifier’s missing exchange closed', () => {
    const error = closedBy(404, "NOT_FOUND - no exchange 'audit' in vhost '/'");

    expect(classifyAmqpError({ error }, target)?.code).toBe(DeliveryErrorCode.Retryable);
  });

  it.each([
    [closedBy(320, "CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'"), '320'],
    [closedBy(541, 'INTERNAL_ERROR'), '541'],
    [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5672'), { code: 'ECONNREFUSED' }),
      'ECONNREFUSED',
    ],
    [Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), 'ECONNRESET'],
    [new Error('connect ETIMEDOUT'), undefined],
    [new Error('Heartbeat timeout'), undefined],
    [new Error('Socket closed abruptly during opening handshake'), undefined],
  ])('retries after %s', (error, providerCode) => {
    const classified = classifyAmqpError({ error }, target);

    expect(classified?.code).toBe(DeliveryErrorCode.Retryable);
    expect(classified?.providerCode).toBe(providerCode);
  });

  it('gives up when amqplib refuses the message itself', () => {
    const error = new RangeError('encoded headers table exceeds the 64 KiB encoding buffer');

    expect(classifyAmqpError({ error }, target)?.code).toBe(DeliveryErrorCode.Permanent);
  });
});
