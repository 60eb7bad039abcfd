import { ChannelName, type PagerDutyConfigDto } from '@herald/contracts';
import { outboundDelivery } from '@herald/worker-kit/testing';
import { buildPagerDutyPayload, resolvesIncident, severityOf } from './build-pagerduty-payload.js';

const ROUTING_KEY = 'e93facc04764012d7bfb002500d5d1a6';

function config(overrides: Partial<PagerDutyConfigDto> = {}): PagerDutyConfigDto {
  return { routingKey: ROUTING_KEY, ...overrides };
}

function deliveryWith(notification: Partial<ReturnType<typeof outboundDelivery>['notification']>) {
  const base = outboundDelivery({ channel: ChannelName.PagerDuty, user: null });
  return outboundDelivery({ ...base, notification: { ...base.notification, ...notification } });
}

describe('buildPagerDutyPayload', () => {
  it('triggers an alert keyed by the notification id, with every documented field', () => {
    const delivery = deliveryWith({});

    const request = buildPagerDutyPayload(delivery, config());

    expect(request.url).toBe('https://events.pagerduty.com/v2/enqueue');
    expect(request.body).toEqual({
      routing_key: ROUTING_KEY,
      event_action: 'trigger',
      dedup_key: '6d1c2f0e-3b7a-4c55-8e0f-2a9b4c6d8e01',
      payload: {
        summary: 'Job deploy web failed',
        source: 'job_template/42',
        severity: 'error',
        timestamp: '2026-01-02T03:04:05.000Z',
        custom_details: {
          notification_type: 'job.failed',
          trigger: 'error',
          message: 'The job deploy web failed. Open job: https://ci.example.com/jobs/42',
          data: { job: 'deploy web', run: 7, tags: ['prod'], author: { login: 'ada' } },
        },
      },
      links: [{ href: 'https://ci.example.com/jobs/42', text: 'Open job' }],
      client: 'Herald',
    });
  });

  it('uses the configured source, severity, component, group and class', () => {
    const request = buildPagerDutyPayload(
      deliveryWith({}),
      config({
        source: 'ci.example.com',
        severity: 'critical',
        component: 'deployer',
        group: 'web',
        class: 'deploy',
      }),
    );

    expect(request.body).toMatchObject({
      payload: {
        source: 'ci.example.com',
        severity: 'critical',
        component: 'deployer',
        group: 'web',
        class: 'deploy',
      },
    });
  });

  it('falls back to "herald" as source and the type as summary when the event has neither', () => {
    const delivery = outboundDelivery({
      ...deliveryWith({ source: null, trigger: null }),
      message: { title: '', markdown: '', text: '' },
    });

    const { body } = buildPagerDutyPayload(delivery, config());

    expect(body).toMatchObject({ payload: { source: 'herald', summary: 'job.failed', severity: 'info' } });
    expect(body).not.toHaveProperty('payload.custom_details.trigger');
  });

  it('cuts the summary to PagerDuty’s 1024 characters', () => {
    const delivery = outboundDelivery({
      ...deliveryWith({}),
      message: { title: 'x'.repeat(2000), markdown: '', text: '' },
    });

    const { body } = buildPagerDutyPayload(delivery, config());

    expect(body.event_action === 'trigger' && body.payload.summary).toBe(`${'x'.repeat(1023)}…`);
  });

  it('posts to a proxy given as apiUrl, with or without a trailing slash', () => {
    expect(buildPagerDutyPayload(deliveryWith({}), config({ apiUrl: 'http://127.0.0.1:9/pd/' })).url).toBe(
      'http://127.0.0.1:9/pd/v2/enqueue',
    );
    expect(buildPagerDutyPayload(deliveryWith({}), config({ apiUrl: 'https://pd.internal' })).url).toBe(
      'https://pd.internal/v2/enqueue',
    );
  });

  it('resolves with only the routing key and the dedup key of the incident to close', () => {
    const request = buildPagerDutyPayload(deliveryWith({ trigger: 'success' }), config(), {
      dedupKey: 'earlier-error-notification',
    });

    expect(request.body).toEqual({
      routing_key: ROUTING_KEY,
      event_action: 'resolve',
      dedup_key: 'earlier-error-notification',
    });
  });
});

describe('severityOf', () => {
  it.each([
    ['error', 'error'],
    ['warning', 'warning'],
    ['started', 'info'],
    ['approval', 'info'],
    [null, 'info'],
  ])('maps the trigger %p to %p', (trigger, severity) => {
    expect(severityOf(trigger)).toBe(severity);
  });
});

describe('resolvesIncident', () => {
  it.each([
    ['success', true],
    ['resolved', true],
    ['error', false],
    ['started', false],
    [null, false],
  ])('is %p → %p', (trigger, resolves) => {
    expect(resolvesIncident(deliveryWith({ trigger }))).toBe(resolves);
  });
});
