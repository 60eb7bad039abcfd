import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import type { PhaseSpec } from './options.js';

/** What the API answered to one phase's posts. */
export interface PhaseAccepts {
  /** performance.now() when the request was sent, per sequence number. */
  sentAt: Float64Array;
  /** performance.now() when the 202 came back; NaN for any other answer. */
  acceptedAt: Float64Array;
  accepted: number;
  /** Every answer other than 202, by status ("error" for no answer at all), with one example. */
  rejected: Record<string, number>;
  rejectExample?: string;
  startedAt: number;
  lastAcceptedAt: number;
}

/**
 * Posts events to `POST /v1/events` over keep-alive connections, at most `concurrency` at once,
 * each sent at its scheduled time (`seq / rate` after the start) or as soon as a connection is
 * free, whichever is later: the offered load, bounded by what the client can have in flight.
 */
export class LoadGenerator {
  private readonly pool: Pool;

  constructor(
    apiUrl: string,
    private readonly apiKey: string,
    private readonly concurrency: number,
  ) {
    this.pool = new Pool(apiUrl, { connections: concurrency, pipelining: 1, keepAliveTimeout: 60_000 });
  }

  async run(
    phase: PhaseSpec,
    event: (seq: number) => unknown,
    stopped: () => boolean,
  ): Promise<PhaseAccepts> {
    const result: PhaseAccepts = {
      sentAt: new Float64Array(phase.count).fill(Number.NaN),
      acceptedAt: new Float64Array(phase.count).fill(Number.NaN),
      accepted: 0,
      rejected: {},
      startedAt: performance.now(),
      lastAcceptedAt: 0,
    };
    const intervalMs = phase.rate ? 1000 / phase.rate : 0;
    let inFlight = 0;
    let freed: (() => void) | undefined;
    const inFlightPosts = new Set<Promise<void>>();
    for (let seq = 0; seq < phase.count && !stopped(); seq++) {
      const wait = result.startedAt + seq * intervalMs - performance.now();
      if (wait >= 1) await sleep(wait);
      while (inFlight >= this.concurrency) await new Promise<void>((resolve) => (freed = resolve));
      inFlight += 1;
      const post = this.post(seq, JSON.stringify(event(seq)), result).finally(() => {
        inFlight -= 1;
        inFlightPosts.delete(post);
        freed?.();
        freed = undefined;
      });
      inFlightPosts.add(post);
    }
    await Promise.all(inFlightPosts);
    return result;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }

  private async post(seq: number, body: string, result: PhaseAccepts): Promise<void> {
    result.sentAt[seq] = performance.now();
    let status: string;
    let text: string;
    try {
      const response = await this.pool.request({
        method: 'POST',
        path: '/v1/events',
        headers: { authorization: `Bearer ${this.apiKey}`, 'content-type': 'application/json' },
        body,
        headersTimeout: 30_000,
        bodyTimeout: 30_000,
      });
      text = await response.body.text();
      status = String(response.statusCode);
    } catch (error) {
      status = 'error';
      const { code, message } = error as Error & { code?: string };
      text = code ? `${code}: ${message}` : message;
    }
    const now = performance.now();
    if (status === '202') {
      result.acceptedAt[seq] = now;
      result.accepted += 1;
      result.lastAcceptedAt = Math.max(result.lastAcceptedAt, now);
      return;
    }
    result.rejected[status] = (result.rejected[status] ?? 0) + 1;
    result.rejectExample ??= `${status} ${text.slice(0, 300)}`;
  }
}
