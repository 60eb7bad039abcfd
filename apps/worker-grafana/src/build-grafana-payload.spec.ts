import { ChannelName, type GrafanaConfigDto } from '@herald/contracts';
import type { OutboundDelivery } from '@herald/worker-kit';
import { outboundDelivery } from '@herald/worker-kit/testing';
import { buildGrafanaPayload, epochMsOf } from './build-grafana-payload.js';

const CREATED_AT = Date.parse('2026-01-02T03:04:05.000Z');

function config(overrides: Partial<GrafanaConfigDto> = {}): GrafanaConfigDto {
  return { url: 'https://grafana.example.com', apiKey: 'glsa_token_123', ...overrides };
}

function deliveryWithData(data: Record<string, unknown>): OutboundDelivery {
  const base = outboundDelivery({ channel: ChannelName.Grafana, user: null });
  return { ...base, notification: { ...base.notification, data } };
}

describe('buildGrafanaPayload', () => {
  it('posts an annotation at the notification time, with the bearer token', () => {
    const request = buildGrafanaPayload(
      deliveryWithData({ job: 'deploy web' }),
      config({ tags: ['herald'] }),
    );

    expect(request).toEqual({
      url: 'https://grafana.example.com/api/annotations',
      headers: { Authorization: 'Bearer glsa_token_123', Accept: 'application/json' },
      body: {
        time: CREATED_AT,
        tags: ['herald', 'job.failed', 'error'],
        text: 'Job **deploy web** failed\n\nThe job **deploy web** failed. [Open job](https://ci.example.com/jobs/42)',
      },
    });
  });

  it('ties it to the configured dashboard and panel', () => {
    const { body } = buildGrafanaPayload(
      deliveryWithData({}),
      config({ dashboardUid: 'jcIIG-07z', panelId: 2 }),
    );

    expect(body).toMatchObject({ dashboardUID: 'jcIIG-07z', panelId: 2 });
  });

  it('marks the event’s own span as a region when the data has startsAt and endsAt', () => {
    const { body } = buildGrafanaPayload(
      deliveryWithData({ startsAt: '2026-01-02T02:00:00Z', endsAt: 1767322800000 }),
      config(),
    );

    expect(body.time).toBe(Date.parse('2026-01-02T02:00:00Z'));
    expect(body.timeEnd).toBe(1767322800000);
  });

  it('marks a point at startsAt when the event has not ended (Alertmanager’s zero endsAt)', () => {
    const { body } = buildGrafanaPayload(
      deliveryWithData({ startsAt: '2026-01-02T02:00:00Z', endsAt: '0001-01-01T00:00:00Z' }),
      config(),
    );

    expect(body.time).toBe(Date.parse('2026-01-02T02:00:00Z'));
    expect(body).not.toHaveProperty('timeEnd');
  });

  it('ignores an end without a start, or before it', () => {
    const endOnly = buildGrafanaPayload(deliveryWithData({ endsAt: '2026-01-02T02:00:00Z' }), config()).body;
    const backwards = buildGrafanaPayload(
      deliveryWithData({ startsAt: '2026-01-02T02:00:00Z', endsAt: '2026-01-02T01:00:00Z' }),
      config(),
    ).body;

    expect(endOnly).toEqual(expect.objectContaining({ time: CREATED_AT }));
    expect(endOnly).not.toHaveProperty('timeEnd');
    expect(backwards).not.toHaveProperty('timeEnd');
  });

  it('does not repeat a configured tag that equals the type or trigger', () => {
    const { body } = buildGrafanaPayload(deliveryWithData({}), config({ tags: ['error', 'deploys'] }));

    expect(body.tags).toEqual(['error', 'deploys', 'job.failed']);
  });

  it('keeps a sub-path of the base URL', () => {
    expect(
      buildGrafanaPayload(deliveryWithData({}), config({ url: 'https://ops.example.com/grafana/' })).url,
    ).toBe('https://ops.example.com/grafana/api/annotations');
  });
});

describe('epochMsOf', () => {
  it.each([
    [1767322800000, 1767322800000],
    ['1767322800000', 1767322800000],
    ['2026-01-02T03:00:00Z', 1767322800000],
    ['2026-01-02T04:00:00+01:00', 1767322800000],
    ['0001-01-01T00:00:00Z', undefined],
    [0, undefined],
    ['yesterday', undefined],
    [null, undefined],
    [{ at: 1 }, undefined],
  ])('reads %p as %p', (value, expected) => {
    expect(epochMsOf(value)).toBe(expected);
  });
});
