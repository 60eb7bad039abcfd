import { DeliveryStatus, AttemptOutcome } from '@herald/contracts';
import { HttpCatcher } from '@herald/testing';
import { HeraldStack } from './stack.js';

// How long the receiver answers 503: 30 s, as the scenario asks (TEST_RECEIVER_OUTAGE_MS shortens
// it for a quick local run). The backoff scales with it so that several growing gaps fit in the
// window whatever its length.
const OUTAGE_MS = Number(process.env.TEST_RECEIVER_OUTAGE_MS ?? 30_000);
const BACKOFF_BASE_MS = Math.round(OUTAGE_MS / 20);
const BACKOFF_CAP_MS = Math.round(OUTAGE_MS * 0.4);
const EVENTS = 5;
// Claim, send and record between two attempts, on a busy 2-core runner.
const OVERHEAD_MS = 1000;

/** The delay before retry `n` (1 = after the first failure): full exponential, before jitter halves it at most. */
function exponentialMs(n: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (n - 1));
}

/**
 * A receiver down for maintenance (503) comes back: every event is delivered with no manual step,
 * and the attempts in between are spaced by a growing, capped backoff rather than hammering it.
 */
describe('a receiver answering 503 for a while, then 200', () => {
  const stack = new HeraldStack();
  let recoversAt = Number.POSITIVE_INFINITY;
  const receiver = new HttpCatcher(() =>
    Date.now() < recoversAt ? { status: 503, body: 'down for maintenance' } : { status: 200, body: 'ok' },
  );
  let source: { kind: string; id: string };

  beforeAll(async () => {
    await receiver.start();
    await stack.start({
      env: {
        HERALD_BACKOFF_BASE_MS: String(BACKOFF_BASE_MS),
        HERALD_BACKOFF_CAP_MS: String(BACKOFF_CAP_MS),
        HERALD_MAX_ATTEMPTS: '20',
      },
    });
    source = await stack.addWebhook('maintenance', receiver.url('/maintenance'));
  }, 60_000);

  afterAll(async () => {
    await stack.stop();
    await receiver.stop();
  });

  it(
    `delivers every event once it answers again, attempts spaced by growing backoff (${OUTAGE_MS} ms outage)`,
    async () => {
      recoversAt = Date.now() + OUTAGE_MS;
      const posted = await stack.postEvents(EVENTS, (index) => ({
        type: 'backup.finished',
        source,
        data: { index },
      }));
      expect(posted.map((response) => response.status)).toEqual(new Array(EVENTS).fill(202));

      const notifications = await stack.completed(
        posted.map((response) => response.body.id),
        OUTAGE_MS + BACKOFF_CAP_MS + 30_000,
      );
      const arrivals = receiver.countByHeader('x-message-id');
      for (const notification of notifications) {
        expect(notification.deliveries).toHaveLength(1);
        const [delivery] = notification.deliveries;
        expect(delivery).toMatchObject({ status: DeliveryStatus.Sent, lastError: null });
        const attempts = delivery!.attempts;
        expect(delivery!.attemptCount).toBe(attempts.length);
        expect(arrivals.get(delivery!.id)).toBe(attempts.length);
        // Several tries while it was down, then the one that got through.
        expect(attempts.length).toBeGreaterThanOrEqual(4);
        expect(attempts.map((a) => [a.outcome, a.providerCode])).toEqual([
          ...new Array(attempts.length - 1).fill([AttemptOutcome.Retryable, '503']),
          [AttemptOutcome.Sent, '200'],
        ]);
        expect(attempts.map((a) => a.number)).toEqual(attempts.map((_, index) => index + 1));
        expect(Date.parse(attempts.at(-1)!.startedAt)).toBeGreaterThanOrEqual(recoversAt - OVERHEAD_MS);

        const starts = attempts.map((a) => Date.parse(a.startedAt));
        const gaps = starts.slice(1).map((start, index) => start - starts[index]!);
        gaps.forEach((gap, index) => {
          const full = exponentialMs(index + 1);
          // Equal jitter: each wait is between half and all of the exponential delay, never past the cap.
          expect(gap).toBeGreaterThanOrEqual(full / 2 - 5);
          expect(gap).toBeLessThanOrEqual(full + OVERHEAD_MS);
        });
        // Until the cap, the shortest next wait (half of twice the delay) is the longest last one: growing.
        const uncapped = gaps.filter((_, index) => BACKOFF_BASE_MS * 2 ** (index + 1) <= BACKOFF_CAP_MS);
        uncapped.slice(1).forEach((gap, index) => expect(gap).toBeGreaterThanOrEqual(uncapped[index]! - 300));
        expect(Math.max(...gaps)).toBeGreaterThan(gaps[0]! + BACKOFF_BASE_MS / 2);
      }
    },
    OUTAGE_MS + 90_000,
  );
});
