import { CHANNEL_REGISTRY, ChannelName, validateChannelConfig } from '@herald/contracts';

const fields = (config: unknown) => validateChannelConfig(ChannelName.Amqp, config).map(({ field }) => field);

describe('the amqp notifier config', () => {
  it('accepts a full config, and the default exchange with an empty routing key', () => {
    expect(
      fields({
        url: 'amqps://herald:p%40ss@rabbit.internal:5671/prod',
        exchange: 'herald.events',
        routingKey: 'job.failed',
        headers: { team: 'ops' },
        contentType: 'application/json',
      }),
    ).toEqual([]);
    expect(fields({ url: 'amqp://127.0.0.1', exchange: '', routingKey: '' })).toEqual([]);
  });

  it('refuses other schemes, bad exchange names and unknown fields', () => {
    expect(fields({ url: 'http://rabbit', exchange: 'a b', routingKey: 'k', queue: 'q' }).sort()).toEqual([
      'config.exchange',
      'config.queue',
      'config.url',
    ]);
  });

  it('keeps the URL secret and shows where it publishes without the credentials', () => {
    const definition = CHANNEL_REGISTRY[ChannelName.Amqp];

    expect(definition.secretFields).toEqual(['url']);
    expect(
      definition.notifierAddress?.({
        url: 'amqp://herald:s3cret@rabbit:5672/prod',
        exchange: 'x',
        routingKey: 'k',
      }),
    ).toBe('amqp://rabbit:5672/prod exchange "x" routing key "k"');
    expect(definition.notifierAddress?.({ url: 'amqp://rabbit', exchange: '', routingKey: 'q' })).toBe(
      'amqp://rabbit default exchange routing key "q"',
    );
  });
});
