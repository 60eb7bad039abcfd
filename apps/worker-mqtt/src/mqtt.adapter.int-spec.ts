import { randomUUID } from 'node:crypto';
import { connectAsync, type IPublishPacket, type MqttClient } from 'mqtt';
import { DeliveryErrorCode } from '@herald/worker-kit';
import { failureOf, openSignal } from '@herald/worker-kit/testing';
import { MOSQUITTO_URL, mqttConfig, mqttNotifier, outboundDelivery } from '../test/mqtt-fixtures.js';
import { type PrivateMosquitto, startPrivateMosquitto } from '../test/private-mosquitto.js';
import { heraldMessageBody } from './build-mqtt-payload.js';
import { MqttAdapter } from './mqtt.adapter.js';

const adapters: MqttAdapter[] = [];
const subscribers: MqttClient[] = [];

beforeAll(async () => {
  // Fail loudly, not skip: these tests are the only proof the worker talks to a real broker.
  const probe = await connectAsync(MOSQUITTO_URL, { connectTimeout: 3_000, reconnectPeriod: 0 }).catch(
    (error: unknown) => {
      throw new Error(`Mosquitto is not reachable at ${MOSQUITTO_URL}; start it to run these tests`, {
        cause: error,
      });
    },
  );
  await probe.endAsync();
});

afterEach(async () => {
  await Promise.all(adapters.splice(0).map((adapter) => adapter.close()));
  await Promise.all(subscribers.splice(0).map((subscriber) => subscriber.endAsync()));
});

function adapter(): MqttAdapter {
  const created = new MqttAdapter({ connectTimeoutMs: 3_000 });
  adapters.push(created);
  return created;
}

/** A second client, subscribed with QoS 1, that records what it receives. */
async function subscriber(topic: string): Promise<IPublishPacket[]> {
  const client = await connectAsync(MOSQUITTO_URL, { reconnectPeriod: 0 });
  subscribers.push(client);
  const received: IPublishPacket[] = [];
  client.on('message', (_topic, _payload, packet) => received.push(packet));
  await client.subscribeAsync(topic, { qos: 1 });
  return received;
}

async function arrived(received: IPublishPacket[], count: number): Promise<IPublishPacket[]> {
  for (let tries = 0; tries < 200 && received.length < count; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (received.length < count) throw new Error(`got ${received.length} of ${count} messages`);
  return received;
}

describe('MqttAdapter against a real Mosquitto', () => {
  it('publishes Herald’s JSON document to the topic with QoS 1', async () => {
    const topic = `herald/test/${randomUUID()}`;
    const received = await subscriber(topic);
    const delivery = outboundDelivery();

    const result = await adapter().send(delivery, mqttNotifier(mqttConfig({ topic })), openSignal());

    expect(result).toEqual({});
    const [packet] = await arrived(received, 1);
    expect(packet.topic).toBe(topic);
    expect(packet.qos).toBe(1);
    expect(JSON.parse(packet.payload.toString())).toEqual(
      JSON.parse(JSON.stringify(heraldMessageBody(delivery))),
    );
  });

  it('delivers consecutive deliveries in order', async () => {
    const topic = `herald/test/${randomUUID()}`;
    const received = await subscriber(topic);
    const sender = adapter();
    const notifier = mqttNotifier(mqttConfig({ topic, clientId: `herald-test-${randomUUID()}` }));

    for (const id of ['d-1', 'd-2', 'd-3'])
      await sender.send(outboundDelivery({ id }), notifier, openSignal());

    const packets = await arrived(received, 3);
    expect(packets.map((packet) => JSON.parse(packet.payload.toString()).deliveryId)).toEqual([
      'd-1',
      'd-2',
      'd-3',
    ]);
  });

  it('retains the message for a later subscriber when asked to', async () => {
    const topic = `herald/test/${randomUUID()}`;

    await adapter().send(
      outboundDelivery({ id: 'kept' }),
      mqttNotifier(mqttConfig({ topic, retain: true })),
      openSignal(),
    );
    const received = await subscriber(topic);

    const [packet] = await arrived(received, 1);
    expect(packet.retain).toBe(true);
    expect(JSON.parse(packet.payload.toString()).deliveryId).toBe('kept');
  });

  it('retries when the connection is refused', async () => {
    const config = mqttConfig({ brokerUrl: 'mqtt://127.0.0.1:1' });

    const error = await failureOf(adapter().send(outboundDelivery(), mqttNotifier(config), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.providerCode).toBe('ECONNREFUSED');
  });

  it('gives up with a retryable dispatch timeout when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();

    const error = await failureOf(
      adapter().send(outboundDelivery(), mqttNotifier(mqttConfig()), controller.signal),
    );

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.message).toMatch(/^dispatch timeout/);
  });
});

describe('MqttAdapter against a Mosquitto with passwords', () => {
  let broker: PrivateMosquitto;

  beforeAll(async () => {
    broker = await startPrivateMosquitto('herald', 'right');
  });

  afterAll(async () => {
    await broker?.stop();
  });

  it('publishes with the right credentials, over one connection kept for the next deliveries', async () => {
    const config = mqttConfig({ brokerUrl: broker.url, username: 'herald', password: 'right' });
    const sender = adapter();
    const before = broker.clientsConnected();

    for (const id of ['d-1', 'd-2', 'd-3']) {
      await expect(
        sender.send(outboundDelivery({ id }), mqttNotifier(config), openSignal()),
      ).resolves.toEqual({});
    }

    expect(broker.clientsConnected() - before).toBe(1);
  });

  it('fails permanently when the broker refuses the credentials', async () => {
    const config = mqttConfig({ brokerUrl: broker.url, username: 'herald', password: 'wrong' });

    const error = await failureOf(adapter().send(outboundDelivery(), mqttNotifier(config), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    // Mosquitto answers a wrong password with MQTT 3.1.1's 5, not authorized.
    expect(error.providerCode).toBe('5');
  });
});
