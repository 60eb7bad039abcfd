import { randomUUID } from 'node:crypto';
import { type Channel, type ChannelModel, connect, type GetMessage } from 'amqplib';
import { DeliveryErrorCode } from '@herald/worker-kit';
import { failureOf, openSignal } from '@herald/worker-kit/testing';
import { amqpConfig, amqpNotifier, outboundDelivery, RABBITMQ_URL } from '../test/amqp-fixtures.js';
import { AmqpAdapter } from './amqp.adapter.js';
import { heraldMessageBody } from './build-amqp-payload.js';

let broker: ChannelModel;
let channel: Channel;
const adapters: AmqpAdapter[] = [];

beforeAll(async () => {
  try {
    broker = await connect(RABBITMQ_URL);
  } catch (error) {
    throw new Error(
      `RabbitMQ is not reachable at ${RABBITMQ_URL} (guest/guest); start it to run these tests`,
      {
        cause: error,
      },
    );
  }
  channel = await broker.createChannel();
});

afterAll(async () => {
  await broker?.close();
});

afterEach(async () => {
  await Promise.all(adapters.splice(0).map((adapter) => adapter.close()));
});

function adapter(): AmqpAdapter {
  const created = new AmqpAdapter();
  adapters.push(created);
  return created;
}

/** A fresh exchange with a queue bound to it by `routingKey`; both go away with the test's broker connection. */
async function boundQueue(routingKey: string): Promise<{ exchange: string; queue: string }> {
  const exchange = `herald.test.${randomUUID()}`;
  await channel.assertExchange(exchange, 'direct', { durable: false, autoDelete: true });
  const { queue } = await channel.assertQueue('', { exclusive: true });
  await channel.bindQueue(queue, exchange, routingKey);
  return { exchange, queue };
}

async function nextMessage(queue: string): Promise<GetMessage> {
  for (let tries = 0; tries < 100; tries += 1) {
    const message = await channel.get(queue, { noAck: true });
    if (message) return message;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no message on ${queue}`);
}

describe('AmqpAdapter against a real RabbitMQ', () => {
  it('publishes a persistent, confirmed message with Herald’s JSON body and properties', async () => {
    const { exchange, queue } = await boundQueue('job.failed');
    const delivery = outboundDelivery();
    const config = amqpConfig({ exchange, headers: { team: 'ops', priority: 2 } });

    const result = await adapter().send(delivery, amqpNotifier(config), openSignal());

    expect(result).toEqual({ providerMessageId: delivery.id });
    const message = await nextMessage(queue);
    expect(JSON.parse(message.content.toString('utf8'))).toEqual(
      JSON.parse(JSON.stringify(heraldMessageBody(delivery))),
    );
    expect(message.fields).toMatchObject({ exchange, routingKey: 'job.failed' });
    expect(message.properties).toMatchObject({
      messageId: delivery.id,
      deliveryMode: 2,
      contentType: 'application/json',
      type: 'job.failed',
      appId: 'herald',
      timestamp: Date.parse('2026-01-02T03:04:05.000Z') / 1000,
      headers: {
        team: 'ops',
        priority: 2,
        'x-herald-notification-id': delivery.notification.id,
        'x-herald-attempt': 1,
      },
    });
  });

  it('publishes to the default exchange, straight to a queue by its name', async () => {
    const { queue } = await channel.assertQueue('', { exclusive: true });

    await adapter().send(
      outboundDelivery({ id: 'd-default' }),
      amqpNotifier(
        amqpConfig({ exchange: '', routingKey: queue, contentType: 'application/vnd.herald+json' }),
      ),
      openSignal(),
    );

    const message = await nextMessage(queue);
    expect(message.properties).toMatchObject({
      messageId: 'd-default',
      contentType: 'application/vnd.herald+json',
    });
  });

  it('fails permanently when no queue is bound for the routing key', async () => {
    const { exchange } = await boundQueue('job.failed');
    const config = amqpConfig({ exchange, routingKey: 'nobody.listens' });

    const error = await failureOf(adapter().send(outboundDelivery(), amqpNotifier(config), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('312');
    expect(error.message).toMatch(/no queue bound/);
  });

  it('fails permanently on an unknown exchange, then publishes again on a new channel', async () => {
    const sender = adapter();
    const { exchange, queue } = await boundQueue('job.failed');

    const error = await failureOf(
      sender.send(
        outboundDelivery(),
        amqpNotifier(amqpConfig({ exchange: 'herald.no-such-exchange' })),
        openSignal(),
      ),
    );
    await sender.send(
      outboundDelivery({ id: 'after' }),
      amqpNotifier(amqpConfig({ exchange })),
      openSignal(),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('404');
    expect(error.message).toMatch(/no exchange 'herald.no-such-exchange'/);
    expect((await nextMessage(queue)).properties.messageId).toBe('after');
  });

  it('fails permanently on wrong credentials', async () => {
    const config = amqpConfig({ url: 'amqp://guest:wrong@127.0.0.1:5672' });

    const error = await failureOf(adapter().send(outboundDelivery(), amqpNotifier(config), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('403');
  });

  it('fails permanently on a vhost that does not exist', async () => {
    const config = amqpConfig({ url: `${RABBITMQ_URL}/no-such-vhost` });

    const error = await failureOf(adapter().send(outboundDelivery(), amqpNotifier(config), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('530');
  });

  it('retries when the connection is refused', async () => {
    const config = amqpConfig({ url: 'amqp://guest:guest@127.0.0.1:1' });

    const error = await failureOf(adapter().send(outboundDelivery(), amqpNotifier(config), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.providerCode).toBe('ECONNREFUSED');
  });

  it('gives up with a retryable dispatch timeout when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();

    const error = await failureOf(
      adapter().send(outboundDelivery(), amqpNotifier(amqpConfig()), controller.signal),
    );

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.message).toMatch(/^dispatch timeout/);
  });
});
