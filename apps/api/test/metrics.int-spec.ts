import { randomUUID } from 'node:crypto';
import { createLogger, LogFormat, PinoNestLogger } from '@herald/observability';
import { ADMIN_KEY, startTestApp, type TestApp } from './support/test-app.js';

describe('GET /metrics', () => {
  const logLines: string[] = [];
  let api: TestApp;

  beforeAll(async () => {
    const logger = new PinoNestLogger(
      createLogger({
        app: 'api',
        settings: { format: LogFormat.Json, level: 'info' },
        destination: { write: (line: string) => void logLines.push(line) },
      }),
    );
    api = await startTestApp(undefined, { logger });
  });

  afterAll(async () => {
    await api?.close();
  });

  async function scrape(): Promise<string[]> {
    const response = await fetch(`${api.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return (await response.text()).split('\n');
  }

  it('counts requests by route pattern and status, those refused or unmatched included', async () => {
    const unknownId = randomUUID();
    expect((await api.request('GET', '/health/live', { key: null })).status).toBe(200);
    expect((await api.request('GET', `/v1/notifications/${unknownId}`)).status).toBe(404);
    expect((await api.request('GET', '/v1/notifications', { key: null })).status).toBe(401);
    expect((await api.request('GET', `/no/such/${unknownId}`)).status).toBe(404);

    const lines = await scrape();
    for (const line of [
      'herald_http_requests_total{method="GET",route="/health/live",status="200"} 1',
      'herald_http_requests_total{method="GET",route="/v1/notifications/:id",status="404"} 1',
      'herald_http_requests_total{method="GET",route="/v1/notifications",status="401"} 1',
      'herald_http_requests_total{method="GET",route="unmatched",status="404"} 1',
      'herald_http_request_duration_seconds_count{method="GET",route="/health/live",status="200"} 1',
    ]) {
      expect(lines).toContain(line);
    }
    expect(lines.join('\n')).not.toContain(unknownId);
    expect(lines.some((line) => line.startsWith('process_resident_memory_bytes '))).toBe(true);
    expect(lines.some((line) => line.startsWith('nodejs_eventloop_lag_seconds '))).toBe(true);
  });

  it('counts accepted events by way in, not their replays, and logs each with its notificationId', async () => {
    const before = accepted(await scrape());
    const event = { type: 'job.failed', idempotencyKey: `metrics-${randomUUID()}`, data: { job: 'web' } };
    const first = await api.request('POST', '/v1/events', { body: event });
    const replay = await api.request('POST', '/v1/events', { body: event });
    expect([first.status, replay.status, replay.headers.get('idempotent-replayed')]).toEqual([
      202,
      202,
      'true',
    ]);
    const other = await api.request('POST', '/v1/events', { body: { type: 'job.started' } });

    expect(accepted(await scrape()) - before).toBe(2);

    const entries = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const [id, via, type] of [
      [first.body.id, 'events', 'job.failed'],
      [other.body.id, 'events', 'job.started'],
    ]) {
      const lines = entries.filter((entry) => entry.notificationId === id);
      expect(lines).toEqual([
        expect.objectContaining({
          level: 'info',
          app: 'api',
          context: 'Events',
          msg: `event accepted via ${via}`,
          via,
          type,
          apiKeyId: expect.any(String),
        }),
      ]);
    }
    expect(logLines.join('')).not.toContain(ADMIN_KEY);
  });
});

function accepted(lines: string[]): number {
  const line = lines.find((candidate) => candidate.startsWith('herald_events_accepted_total{via="events"} '));
  return line ? Number(line.split(' ')[1]) : 0;
}
