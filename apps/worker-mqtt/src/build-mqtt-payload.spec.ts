import { mqttConfig, outboundDelivery } from '../test/mqtt-fixtures.js';
import { buildMqttPayload } from './build-mqtt-payload.js';

describe('buildMqttPayload', () => {
  it('publishes Herald’s JSON document to the topic with QoS 1, not retained, by default', () => {
    const delivery = outboundDelivery();

    const publish = buildMqttPayload(delivery, mqttConfig());

    expect(publish.topic).toBe('herald/notifications');
    expect(publish.options).toEqual({ qos: 1, retain: false });
    expect(publish.payload).toBe(
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

  it('takes the configured QoS and retain flag', () => {
    expect(buildMqttPayload(outboundDelivery(), mqttConfig({ qos: 0, retain: true })).options).toEqual({
      qos: 0,
      retain: true,
    });
    expect(buildMqttPayload(outboundDelivery(), mqttConfig({ qos: 2 })).options.qos).toBe(2);
  });

  it('sends null for the user of a notifier delivery', () => {
    const { payload } = buildMqttPayload(outboundDelivery({ user: null }), mqttConfig());

    expect(JSON.parse(payload).user).toBeNull();
  });
});
