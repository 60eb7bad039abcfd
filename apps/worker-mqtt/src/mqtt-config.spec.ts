import { CHANNEL_REGISTRY, ChannelName, validateChannelConfig } from '@herald/contracts';

const fields = (config: unknown) => validateChannelConfig(ChannelName.Mqtt, config).map(({ field }) => field);

describe('the mqtt notifier config', () => {
  it.each([
    'mqtt://127.0.0.1:1883',
    'mqtts://broker.example.com:8883',
    'ws://broker:9001/mqtt',
    'wss://broker/mqtt',
  ])('accepts the broker URL %s', (brokerUrl) => {
    expect(fields({ brokerUrl, topic: 'herald/notifications' })).toEqual([]);
  });

  it('accepts every optional field', () => {
    expect(
      fields({
        brokerUrl: 'mqtts://broker:8883',
        topic: 'a/b',
        qos: 2,
        retain: true,
        username: 'herald',
        password: 'pw',
        clientId: 'herald-1',
        tlsSkipVerify: true,
      }),
    ).toEqual([]);
  });

  it('refuses wildcard topics, a QoS past 2 and other schemes', () => {
    expect(fields({ brokerUrl: 'http://broker', topic: 'a/+/c', qos: 3 }).sort()).toEqual([
      'config.brokerUrl',
      'config.qos',
      'config.topic',
    ]);
  });

  it('keeps the password secret and shows the broker and topic', () => {
    const definition = CHANNEL_REGISTRY[ChannelName.Mqtt];

    expect(definition.secretFields).toEqual(['password']);
    expect(definition.notifierAddress?.({ brokerUrl: 'mqtt://u:p@broker:1883', topic: 'a/b' })).toBe(
      'mqtt://broker:1883 topic "a/b"',
    );
  });
});
