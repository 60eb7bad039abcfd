import { ChannelName, type GrafanaConfigDto } from '@herald/contracts';
import { HttpCatcher, type ScriptedAnswer } from '@herald/testing';
import { DeliveryErrorCode } from '@herald/worker-kit';
import { failureOf, openSignal, outboundDelivery, outboundNotifier } from '@herald/worker-kit/testing';
import { GrafanaAdapter } from './grafana.adapter.js';

const TOKEN = 'glsa_HeraldTest_0123456789abcdef';
const ADDED: ScriptedAnswer = {
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: '{"message":"Annotation added","id":1}',
};

let catcher: HttpCatcher;
let answer: ScriptedAnswer;
const adapters: GrafanaAdapter[] = [];

beforeEach(async () => {
  answer = ADDED;
  catcher = new HttpCatcher((request) =>
    request.headers.authorization === `Bearer ${TOKEN}`
      ? answer
      : { status: 401, headers: { 'content-type': 'application/json' }, body: '{"message":"Unauthorized"}' },
  );
  await catcher.start();
});

afterEach(async () => {
  await Promise.all(adapters.splice(0).map((adapter) => adapter.close()));
  await catcher.stop();
});

function adapter(): GrafanaAdapter {
  const created = new GrafanaAdapter();
  adapters.push(created);
  return created;
}

function notifier(overrides: Partial<GrafanaConfigDto> = {}) {
  return outboundNotifier(ChannelName.Grafana, {
    url: catcher.url('/grafana'),
    apiKey: TOKEN,
    dashboardUid: 'jcIIG-07z',
    panelId: 1,
    tags: ['herald'],
    ...overrides,
  });
}

function delivery() {
  const base = outboundDelivery({ channel: ChannelName.Grafana, user: null });
  return {
    ...base,
    notification: {
      ...base.notification,
      data: { startsAt: '2026-01-02T02:00:00.000Z', endsAt: '2026-01-02T03:00:00.000Z' },
    },
  };
}

describe('GrafanaAdapter against a fake Grafana', () => {
  it('POSTs the region annotation to /api/annotations with the service account token', async () => {
    const result = await adapter().send(delivery(), notifier(), openSignal());

    expect(result).toEqual({ providerCode: '200', providerMessageId: '1' });
    const [request] = catcher.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/grafana/api/annotations');
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({
      dashboardUID: 'jcIIG-07z',
      panelId: 1,
      time: Date.parse('2026-01-02T02:00:00.000Z'),
      timeEnd: Date.parse('2026-01-02T03:00:00.000Z'),
      tags: ['herald', 'job.failed', 'error'],
      text: 'Job **deploy web** failed\n\nThe job **deploy web** failed. [Open job](https://ci.example.com/jobs/42)',
    });
  });

  it('fails for good on a token Grafana refuses', async () => {
    const error = await failureOf(
      adapter().send(delivery(), notifier({ apiKey: 'glsa_revoked' }), openSignal()),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('401');
    expect(error.message).toBe('Grafana answered HTTP 401: Unauthorized');
  });

  it.each([
    [403, 'You are not allowed to create annotations', DeliveryErrorCode.Permanent],
    [404, 'Dashboard not found', DeliveryErrorCode.Permanent],
    [400, 'bad request data', DeliveryErrorCode.Permanent],
    [500, 'Failed to save annotation', DeliveryErrorCode.Retryable],
  ])('classifies HTTP %i "%s" as %s', async (status, message, code) => {
    answer = { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message }) };

    const error = await failureOf(adapter().send(delivery(), notifier(), openSignal()));

    expect(error.code).toBe(code);
    expect(error.message).toBe(`Grafana answered HTTP ${status}: ${message}`);
  });

  it('fails for good when the url answers 200 with something that is not Grafana', async () => {
    answer = {
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: '<!doctype html><div id="app"></div>',
    };

    const error = await failureOf(adapter().send(delivery(), notifier(), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toMatch(/without an annotation id/);
  });

  it('fails permanently, without a request, on a config without url', async () => {
    const error = await failureOf(adapter().send(delivery(), notifier({ url: undefined }), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toContain('config.url');
    expect(catcher.requests).toHaveLength(0);
  });
});
