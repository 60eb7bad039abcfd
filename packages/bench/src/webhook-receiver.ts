import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** Arrival times of one phase's deliveries, by the event's sequence number. */
export class PhaseArrivals {
  /** performance.now() of each first arrival; NaN until it arrives. */
  readonly at: Float64Array;
  received = 0;
  duplicates = 0;
  lastAt = 0;

  constructor(readonly count: number) {
    this.at = new Float64Array(count).fill(Number.NaN);
  }

  record(seq: number, now: number): void {
    if (!(seq >= 0 && seq < this.count)) return;
    if (!Number.isNaN(this.at[seq]!)) {
      this.duplicates += 1;
      return;
    }
    this.at[seq] = now;
    this.received += 1;
    this.lastAt = now;
  }
}

/**
 * The webhook endpoint the benchmark's notifier posts to: answers 200 at once and records when
 * each delivery arrived. Events carry `data: {phase, seq}`, which the Coder-compatible body
 * hands back in `payload.data`.
 */
export class WebhookReceiver {
  private server?: http.Server;
  private readonly phases = new Map<string, PhaseArrivals>();
  /** Requests whose body named no known phase: a sign of a stale delivery from an earlier run. */
  unknown = 0;
  port = 0;

  expect(phase: string, count: number): PhaseArrivals {
    const arrivals = new PhaseArrivals(count);
    this.phases.set(phase, arrivals);
    return arrivals;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const now = performance.now();
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        this.record(Buffer.concat(chunks).toString('utf8'), now);
      });
    });
    // The worker keeps its connections; don't make it reconnect between phases.
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  url(): string {
    return `http://127.0.0.1:${this.port}/hooks/bench`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private record(body: string, now: number): void {
    let data: { phase?: unknown; seq?: unknown } | undefined;
    try {
      data = (JSON.parse(body) as { payload?: { data?: typeof data } }).payload?.data;
    } catch {
      data = undefined;
    }
    const arrivals = typeof data?.phase === 'string' ? this.phases.get(data.phase) : undefined;
    if (!arrivals || typeof data?.seq !== 'number') {
      this.unknown += 1;
      return;
    }
    arrivals.record(data.seq, now);
  }
}
