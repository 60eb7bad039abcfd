import { randomUUID } from 'node:crypto';
import type { AdminStatusView, CreateEventDto, NotificationView } from '@herald/contracts';
import { LazyGrpcTransport } from './lazy-grpc-transport.js';
import { RestTransport } from './rest-transport.js';
import { DEFAULT_RETRY, type RetryOptions, withRetries } from './retry.js';

/** An event as POST /v1/events takes it. */
export type HeraldEvent = CreateEventDto;

export interface TriggeredEvent {
  id: string;
  status: string;
  /** The idempotency key was seen before with the same event: this is the first answer again. */
  replayed: boolean;
  /** The key the event was sent with: the caller's, or the one generated for it. */
  idempotencyKey: string;
}

/** What both transports offer, with the same types and the same errors (HeraldApiError). */
export interface HeraldClient {
  trigger(event: HeraldEvent): Promise<TriggeredEvent>;
  getNotification(id: string): Promise<NotificationView>;
  /** Holds every channel's deliveries, or one channel's. */
  pause(channel?: string): Promise<AdminStatusView>;
  resume(channel?: string): Promise<AdminStatusView>;
  status(): Promise<AdminStatusView>;
  /** Releases the connection (gRPC); the client is unusable afterwards. */
  close(): void;
}

/** One call of the API without retries: what each transport implements. */
export interface HeraldTransport {
  trigger(event: HeraldEvent, idempotencyKey: string): Promise<Omit<TriggeredEvent, 'idempotencyKey'>>;
  getNotification(id: string): Promise<NotificationView>;
  pause(channel?: string): Promise<AdminStatusView>;
  resume(channel?: string): Promise<AdminStatusView>;
  status(): Promise<AdminStatusView>;
  close(): void;
}

/** REST at `url` (http://localhost:3000), or gRPC at `grpcTarget` (localhost:50051). */
export type HeraldTarget = { url: string } | { grpcTarget: string };

export interface HeraldClientOptions {
  apiKey: string;
  /** Tries after the first on 503 / UNAVAILABLE / no answer; default 3. */
  retries?: number;
  /** First wait between tries (default 200 ms), doubling up to `retryCapMs` (default 5000 ms). */
  retryBaseMs?: number;
  retryCapMs?: number;
  /** Per try; default 30 s. */
  timeoutMs?: number;
}

export function createHeraldClient(target: HeraldTarget, options: HeraldClientOptions): HeraldClient {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const transport: HeraldTransport =
    'grpcTarget' in target
      ? new LazyGrpcTransport({ target: target.grpcTarget, apiKey: options.apiKey, timeoutMs })
      : new RestTransport({ url: target.url, apiKey: options.apiKey, timeoutMs });
  const retry: RetryOptions = {
    retries: options.retries ?? DEFAULT_RETRY.retries,
    baseMs: options.retryBaseMs ?? DEFAULT_RETRY.baseMs,
    capMs: options.retryCapMs ?? DEFAULT_RETRY.capMs,
  };
  const retried = <Value>(work: () => Promise<Value>) => withRetries(work, retry);

  return {
    async trigger(event) {
      // Chosen once, before the first try: a retry of a request that was stored but whose answer got
      // lost is then a replay, never a second notification.
      const idempotencyKey = event.idempotencyKey ?? randomUUID();
      const accepted = await retried(() => transport.trigger(event, idempotencyKey));
      return { ...accepted, idempotencyKey };
    },
    getNotification: (id) => retried(() => transport.getNotification(id)),
    pause: (channel) => retried(() => transport.pause(channel)),
    resume: (channel) => retried(() => transport.resume(channel)),
    status: () => retried(() => transport.status()),
    close: () => transport.close(),
  };
}
