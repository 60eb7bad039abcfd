import { AttemptOutcome, DeliveryStatus } from '@herald/contracts';
import { DeliveryMetrics } from './delivery-metrics.js';

async function series(metrics: DeliveryMetrics): Promise<string[]> {
  return (await metrics.app.registry.metrics()).split('\n').filter((line) => line.startsWith('herald_'));
}

describe('DeliveryMetrics', () => {
  it('starts every series of the channel at 0', async () => {
    const lines = await series(new DeliveryMetrics('email'));
    expect(lines).toEqual(
      expect.arrayContaining([
        'herald_delivery_attempts_total{channel="email",result="sent"} 0',
        'herald_delivery_attempts_total{channel="email",result="rate_limited"} 0',
        'herald_deliveries_total{channel="email",status="failed"} 0',
        'herald_retries_total{channel="email"} 0',
        'herald_sends_in_flight{channel="email"} 0',
      ]),
    );
  });

  it('counts a retry only for a retryable failure put back, not for a rate-limit wait or the last try', async () => {
    const metrics = new DeliveryMetrics('email');
    const attempt = (outcome: AttemptOutcome, status: DeliveryStatus) =>
      metrics.attemptRecorded({ outcome, status, durationMs: 250 });
    attempt(AttemptOutcome.RateLimited, DeliveryStatus.Retrying);
    attempt(AttemptOutcome.Retryable, DeliveryStatus.Retrying);
    attempt(AttemptOutcome.Retryable, DeliveryStatus.Failed);
    const lines = await series(metrics);
    expect(lines).toEqual(
      expect.arrayContaining([
        'herald_retries_total{channel="email"} 1',
        'herald_delivery_attempts_total{channel="email",result="retryable"} 2',
        'herald_delivery_attempts_total{channel="email",result="rate_limited"} 1',
        'herald_deliveries_total{channel="email",status="failed"} 1',
        'herald_deliveries_total{channel="email",status="sent"} 0',
        'herald_delivery_attempt_duration_seconds_count{channel="email"} 3',
        'herald_delivery_attempt_duration_seconds_sum{channel="email"} 0.75',
      ]),
    );
  });

  it('times accepted-to-sent for sent deliveries, and counts sends in flight', async () => {
    const metrics = new DeliveryMetrics('webhook');
    const done = metrics.sendStarted();
    metrics.sendStarted();
    done();
    metrics.attemptRecorded({
      outcome: AttemptOutcome.Sent,
      status: DeliveryStatus.Sent,
      durationMs: 40,
      acceptedAt: new Date(Date.now() - 3000),
    });
    const lines = await series(metrics);
    expect(lines).toContain('herald_sends_in_flight{channel="webhook"} 1');
    expect(lines).toContain('herald_accept_to_delivered_seconds_count{channel="webhook"} 1');
    expect(lines).toContain('herald_accept_to_delivered_seconds_bucket{le="2.5",channel="webhook"} 0');
    expect(lines).toContain('herald_accept_to_delivered_seconds_bucket{le="5",channel="webhook"} 1');
  });
});
