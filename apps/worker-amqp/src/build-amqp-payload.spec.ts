import { DeliveryError, DeliveryErrorCode } from '@herald/worker-kit';
import { amqpConfig, outboundDelivery } from '../test/amqp-fixtures.js';
import { buildAmqpPayload } from './build-amqp-payload.js';

describe('buildAmqpPayload', () => {
  it('publishes Herald’s JSON document, persistent and mandatory, with the delivery id as message id', () => {
    const delivery = outboundDelivery();

    const publish = buildAmqpPayload(delivery, amqpConfig());

    expect(publish.exchange).toBe('herald.events');
    expect(publish.routingKey).toBe('job.failed');
    expect(publish.properties).toEqual({
      persistent: true,
      mandatory: true,
      messageId: delivery.id,
      timestamp: 1767323045,
      type: 'job.failed',
      contentType: 'application/json',
      appId: 'herald',
      headers: { 'x-herald-notification-id': delivery.notification.id, 'x-herald-attempt': 1 },
    });
    expect(publish.content).toBe(
      JSON.stringify({
        deliveryId: delivery.id,
        title: 'Job deploy web failed',
        titleMarkdown: 'Job **deploy web** failed',
        body: 'The job deploy web failed. Open job: https://ci.example.com/jobs/42',
        bodyMarkdown: 'The job **deploy web** failed. [Open job](https://ci.example.com/jobs/42)',
        notification: {
          id: delivery.notification.id,
          type: 'job.failed',
          data: { job: 'deploy web', run: 7, tags: ['prod'], author: { login: 'ada' } },
          actions: [{ label: 'Open job', url: 'https://ci.example.com/jobs/42' }],
          source: { kind: 'job_template', id: '42' },
          trigger: 'error',
          createdAt: '2026-01-02T03:04:05.000Z',
        },
        user: { id: 'u-1', email: 'ada@example.com', name: 'Ada Lovelace', username: 'ada' },
      }),
    );
  });

  it('sends null for the user of a notifier delivery', () => {
    const { content } = buildAmqpPayload(outboundDelivery({ user: null }), amqpConfig());

    expect(JSON.parse(content).user).toBeNull();
  });

  it('adds custom headers and the content type, without letting them replace Herald’s headers', () => {
    const config = amqpConfig({
      contentType: 'application/vnd.herald+json',
      headers: { team: 'ops', retries: 3, urgent: true, 'X-Herald-Attempt': 'forged' },
    });

    const { properties } = buildAmqpPayload(outboundDelivery(), config);

    expect(properties.contentType).toBe('application/vnd.herald+json');
    expect(properties.headers).toEqual({
      team: 'ops',
      retries: 3,
      urgent: true,
      'x-herald-notification-id': expect.any(String),
      'x-herald-attempt': 1,
    });
  });

  it('fails permanently on a header that is not a string, number or boolean', () => {
    const config = amqpConfig({ headers: { nested: { a: 1 } } as unknown as Record<string, string> });

    let thrown: unknown;
    try {
      buildAmqpPayload(outboundDelivery(), config);
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(DeliveryError);
    expect((thrown as DeliveryError).code).toBe(DeliveryErrorCode.Permanent);
  });
});
