import { ChannelName, type PagerDutyConfigDto } from '@herald/contracts';
import { HttpCatcher, type ScriptedAnswer } from '@herald/testing';
import { DeliveryErrorCode, type OutboundDelivery } from '@herald/worker-kit';
import { failureOf, openSignal, outboundDelivery, outboundNotifier } from '@herald/worker-kit/testing';
import { PAGERDUTY_RATE_LIMIT_WAIT_MS } from './classify-pagerduty-error.js';
import { type IncidentLookup, NO_INCIDENT, PagerDutyAdapter } from './pagerduty.adapter.js';

const ROUTING_KEY = 'e93facc04764012d7bfb002500d5d1a6';
const ACCEPTED: ScriptedAnswer = {
  status: 202,
  headers: { 'content-type': 'application/json' },
  body: '{"status":"success","message":"Event processed","dedup_key":"6d1c2f0e-3b7a-4c55-8e0f-2a9b4c6d8e01"}',
};

let catcher: HttpCatcher;
let answer: ScriptedAnswer;
const adapters: PagerDutyAdapter[] = [];

beforeEach(async () => {
  answer = ACCEPTED;
  catcher = new HttpCatcher(() => answer);
  await catcher.start();
});

afterEach(async () => {
  await Promise.all(adapters.splice(0).map((adapter) => adapter.close()));
  await catcher.stop();
});

/** What Herald's deliveries table would answer, recording what it was asked. */
function incidents(found: string | null): IncidentLookup & { queries: unknown[] } {
  const queries: unknown[] = [];
  return {
    queries,
    lastSentNotificationId: async (query) => {
      queries.push(query);
      return found;
    },
  };
}

function adapter(lookup: IncidentLookup = incidents(null)): PagerDutyAdapter {
  const created = new PagerDutyAdapter({ incidents: lookup });
  adapters.push(created);
  return created;
}

function notifier(overrides: Partial<PagerDutyConfigDto> = {}) {
  return outboundNotifier(ChannelName.PagerDuty, {
    routingKey: ROUTING_KEY,
    apiUrl: catcher.url(''),
    ...overrides,
  });
}

function delivery(trigger: string | null = 'error'): OutboundDelivery {
  const base = outboundDelivery({ channel: ChannelName.PagerDuty, user: null });
  return { ...base, notification: { ...base.notification, trigger } };
}

describe('PagerDutyAdapter against a fake Events API v2', () => {
  it('POSTs a trigger event to /v2/enqueue and keeps the dedup key', async () => {
    const result = await adapter().send(delivery(), notifier(), openSignal());

    expect(result).toEqual({
      providerCode: '202',
      providerMessageId: '6d1c2f0e-3b7a-4c55-8e0f-2a9b4c6d8e01',
    });
    expect(catcher.requests).toHaveLength(1);
    const [request] = catcher.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v2/enqueue');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers.authorization).toBeUndefined();
    expect(JSON.parse(request.body)).toMatchObject({
      routing_key: ROUTING_KEY,
      event_action: 'trigger',
      dedup_key: '6d1c2f0e-3b7a-4c55-8e0f-2a9b4c6d8e01',
      payload: { summary: 'Job deploy web failed', source: 'job_template/42', severity: 'error' },
      links: [{ href: 'https://ci.example.com/jobs/42', text: 'Open job' }],
      client: 'Herald',
    });
  });

  it('sends the same dedup key on every attempt, so a retry never opens a second incident', async () => {
    const sender = adapter();
    answer = { status: 503, body: 'Service Unavailable' };
    await failureOf(sender.send(delivery(), notifier(), openSignal()));
    answer = ACCEPTED;
    await sender.send({ ...delivery(), attemptNumber: 2 }, notifier(), openSignal());

    const keys = catcher.requests.map((request) => JSON.parse(request.body).dedup_key);
    expect(keys).toEqual(['6d1c2f0e-3b7a-4c55-8e0f-2a9b4c6d8e01', '6d1c2f0e-3b7a-4c55-8e0f-2a9b4c6d8e01']);
  });

  it('resolves the incident that the last error of the same source opened through this notifier', async () => {
    const lookup = incidents('3f0c9a1e-error-notification');
    const success = delivery('success');

    const result = await adapter(lookup).send(success, notifier(), openSignal());

    expect(lookup.queries).toEqual([
      {
        notifierId: 'ntf-pagerduty-1',
        source: { kind: 'job_template', id: '42' },
        triggers: ['error'],
        before: success.notification.createdAt,
      },
    ]);
    expect(JSON.parse(catcher.requests[0].body)).toEqual({
      routing_key: ROUTING_KEY,
      event_action: 'resolve',
      dedup_key: '3f0c9a1e-error-notification',
    });
    expect(result.providerCode).toBe('202');
  });

  it('sends nothing for a success with no incident to resolve, and counts it as done', async () => {
    const lookup = incidents(null);

    const result = await adapter(lookup).send(delivery('resolved'), notifier(), openSignal());

    expect(result).toEqual({ providerCode: NO_INCIDENT });
    expect(lookup.queries).toHaveLength(1);
    expect(catcher.requests).toHaveLength(0);
  });

  it('fails for good on 400 invalid event, quoting PagerDuty’s errors', async () => {
    answer = {
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: '{"status":"invalid event","message":"Event object is invalid","errors":["Length of \'routing_key\' is incorrect (should be 32 characters)"]}',
    };

    const error = await failureOf(adapter().send(delivery(), notifier(), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('400');
    expect(error.message).toContain("Length of 'routing_key' is incorrect");
  });

  it('backs off 30 s on 429', async () => {
    answer = { status: 429, body: '429 - Request Limit Exceeded' };

    const error = await failureOf(adapter().send(delivery(), notifier(), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error.retryAfterMs).toBe(PAGERDUTY_RATE_LIMIT_WAIT_MS);
  });

  it('retries a 500', async () => {
    answer = { status: 500, body: 'Internal Server Error' };

    const error = await failureOf(adapter().send(delivery(), notifier(), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.providerCode).toBe('500');
  });

  it('fails permanently, without a request, on a routing key that is not 32 characters', async () => {
    const error = await failureOf(
      adapter().send(delivery(), notifier({ routingKey: 'short' }), openSignal()),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toContain('config.routingKey');
    expect(catcher.requests).toHaveLength(0);
  });

  it('gives up with a retryable dispatch timeout when aborted', async () => {
    const controller = new AbortController();
    answer = { ...ACCEPTED, delayMs: 1_000 };
    setTimeout(() => controller.abort(), 50);

    const error = await failureOf(adapter().send(delivery(), notifier(), controller.signal));

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.message).toMatch(/^dispatch timeout/);
  });
});
