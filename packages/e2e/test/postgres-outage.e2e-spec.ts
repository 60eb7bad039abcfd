import { DeliveryStatus } from '@herald/contracts';
import { HttpCatcher, sleep } from '@herald/testing';
import { HeraldStack } from './stack.js';

const LANES = 3;
const OUTAGE_MS = 3000;

type Phase = 'before' | 'down' | 'after';

interface Answer {
  phase: Phase;
  status: number;
  id?: string;
}

/**
 * Postgres restarts (every app reaches it through a proxy the test cuts for a few seconds) while
 * events keep coming: while it is down the API answers 503, never 500 and never a 202 it cannot
 * keep; every event that did get a 202, before or after, ends with its delivery sent.
 */
describe('Postgres restarted under load', () => {
  const stack = new HeraldStack();
  const receiver = new HttpCatcher();
  let source: { kind: string; id: string };

  beforeAll(async () => {
    await receiver.start();
    await stack.start({
      proxyPostgres: true,
      env: {
        // Retries that outlast a restart of a few seconds (the defaults, 2 s doubling, do too).
        HERALD_BACKOFF_BASE_MS: '1000',
        HERALD_BACKOFF_CAP_MS: '5000',
        // The shortest lease: a send whose result could not be recorded is taken back soonest.
        HERALD_DISPATCH_TIMEOUT_MS: '1000',
      },
      // Such a send's job has ended (its re-run found the lease still held): the reconciler takes
      // the delivery back once the lease is over. Checked every second here instead of every 30 s.
      appEnv: { router: { HERALD_RECONCILE_INTERVAL_MS: '1000', HERALD_RECONCILE_GRACE_MS: '1000' } },
    });
    source = await stack.addWebhook('alerts', receiver.url('/alerts'));
  }, 60_000);

  afterAll(async () => {
    await stack.stop();
    await receiver.stop();
  });

  it('answers 503 while it is down and loses nothing it accepted', async () => {
    const proxy = stack.postgresProxy!;
    const port = proxy.port;
    const answers: Answer[] = [];
    let phase: Phase = 'before';
    let posting = true;

    const lane = async (laneNumber: number) => {
      for (let n = 0; posting; n += 1) {
        const startedIn = phase;
        const response = await stack
          .request<{ id?: string }>(
            'POST',
            '/v1/events',
            { type: 'metric.alert', source, data: { lane: laneNumber, n } },
            { timeoutMs: 10_000 },
          )
          .catch((error: Error) => ({ status: 0, body: { error: error.message } as { id?: string } }));
        answers.push({ phase: startedIn, status: response.status, id: response.body?.id });
        await sleep(50);
      }
    };
    const lanes = Array.from({ length: LANES }, (_, index) => lane(index));

    await sleep(1500);
    await proxy.stop();
    phase = 'down';
    await sleep(OUTAGE_MS);
    await proxy.start(port);
    phase = 'after';
    await sleep(2500);
    posting = false;
    await Promise.all(lanes);

    const statuses = (which: Phase) => answers.filter((a) => a.phase === which).map((a) => a.status);
    // 202 or 503, nothing else, ever: no 500, no hung request (0).
    expect(answers.filter((a) => a.status !== 202 && a.status !== 503)).toEqual([]);
    expect(statuses('before').filter((s) => s === 202).length).toBeGreaterThanOrEqual(10);
    expect(statuses('down').length).toBeGreaterThanOrEqual(10);
    // Started once the proxy was cut: nothing can be committed, so nothing is promised.
    expect(statuses('down').filter((s) => s === 503).length).toBeGreaterThanOrEqual(
      statuses('down').length - LANES,
    );
    expect(statuses('after').filter((s) => s === 202).length).toBeGreaterThanOrEqual(10);
    // Recovered with no restart: the last answers are 202s again.
    expect(answers.slice(-LANES).map((a) => a.status)).toEqual(new Array(LANES).fill(202));

    const accepted = answers.filter((a) => a.status === 202).map((a) => a.id!);
    const notifications = await stack.completed(accepted, 60_000);
    const arrivals = receiver.countByHeader('x-message-id');
    for (const notification of notifications) {
      expect(notification.deliveries).toHaveLength(1);
      const [delivery] = notification.deliveries;
      expect(delivery!.status).toBe(DeliveryStatus.Sent);
      expect(arrivals.get(delivery!.id)).toBeGreaterThanOrEqual(1);
    }
  }, 120_000);
});
