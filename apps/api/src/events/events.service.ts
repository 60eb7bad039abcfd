import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type AcceptedEventView,
  type CreateEventDto,
  ErrorCode,
  NotificationStatus,
  type RouteJobPayload,
} from '@herald/contracts';
import { type ApiKeyRecord, HeraldData, IDEMPOTENCY_KEY_TTL_MS, type NewNotification } from '@herald/data';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { ApiError } from '../errors/api-error.js';
import { REDIS_PRODUCER, ROUTE_QUEUE } from '../queue/queue.tokens.js';
import { resolveIdempotencyKey } from './idempotency-key.js';
import { toNewNotification } from './new-notification.mapper.js';
import { requestHash } from './request-hash.js';

// bullmq waits for a connection that never came up instead of failing; the caller must not wait with it.
const ENQUEUE_TIMEOUT_MS = 2000;
// ioredis states in which Redis is known to be away: trying would only make the caller wait.
const REDIS_AWAY = new Set(['reconnecting', 'close', 'end']);

/** The answer to give, and whether it is the replay of an earlier request with the same key. */
export interface AcceptedEvent {
  view: AcceptedEventView;
  replayed: boolean;
}

@Injectable()
export class EventsService {
  private readonly logger = new Logger('Events');

  constructor(
    private readonly data: HeraldData,
    @Inject(ROUTE_QUEUE) private readonly routeQueue: Queue,
    @Inject(REDIS_PRODUCER) private readonly redis: Redis,
  ) {}

  async accept(event: CreateEventDto, caller: ApiKeyRecord, headerKey?: string): Promise<AcceptedEvent> {
    const idempotencyKey = resolveIdempotencyKey(headerKey, event.idempotencyKey);
    const notification = toNewNotification(event, { id: randomUUID(), idempotencyKey, apiKeyId: caller.id });
    if (idempotencyKey === null) return { view: await this.submit(notification), replayed: false };
    return this.acceptOnce({ ...notification, idempotencyKey, requestHash: requestHash(event) });
  }

  /**
   * An event with an idempotency key: stored once per (API key, key) for 24 hours, however many
   * times and however concurrently it is sent. The same request again gets the first answer back;
   * another request under the same key is refused, since it would otherwise be silently dropped.
   */
  private async acceptOnce(
    notification: NewNotification & { idempotencyKey: string },
  ): Promise<AcceptedEvent> {
    const { record, created } = await this.data.notifications.insertOrFindByIdempotencyKey(
      notification,
      IDEMPOTENCY_KEY_TTL_MS,
    );
    if (created) {
      await this.enqueue(record.id);
      return { view: accepted(record.id), replayed: false };
    }
    // A notification stored before request hashes were kept has none: the key alone decides.
    if (record.requestHash !== null && record.requestHash !== notification.requestHash) {
      throw new ApiError(
        ErrorCode.IdempotencyConflict,
        `Idempotency key "${notification.idempotencyKey}" was already used with a different request`,
      );
    }
    // The first answer was 202 accepted, whatever the notification's status is by now.
    return { view: accepted(record.id), replayed: true };
  }

  /**
   * Commits the notification, then enqueues its route job. The commit is the promise made to the
   * caller: a failed enqueue is left to the outbox relay, which picks up rows never marked enqueued.
   * Every way into Herald (events, notifier tests) goes through here.
   */
  async submit(notification: NewNotification): Promise<AcceptedEventView> {
    await this.data.notifications.insert(notification);
    await this.enqueue(notification.id);
    return accepted(notification.id);
  }

  private async enqueue(notificationId: string): Promise<void> {
    const payload: RouteJobPayload = { notificationId };
    if (REDIS_AWAY.has(this.redis.status)) {
      this.logger.warn(`Notification ${notificationId} stored, Redis away: the outbox relay will enqueue it`);
      return;
    }
    try {
      // The job id is the row id: a later re-enqueue by the outbox relay is a no-op.
      await withTimeout(this.routeQueue.add('route', payload, { jobId: notificationId }), ENQUEUE_TIMEOUT_MS);
    } catch (error) {
      this.logger.warn(
        `Notification ${notificationId} stored but not enqueued (outbox relay will): ${message(error)}`,
      );
      return;
    }
    try {
      await this.data.notifications.markEnqueued(notificationId);
    } catch (error) {
      // The job exists; the relay may enqueue it again, which its job id makes harmless.
      this.logger.warn(`Notification ${notificationId} enqueued but not marked: ${message(error)}`);
    }
  }
}

function accepted(id: string): AcceptedEventView {
  return { id, status: NotificationStatus.Accepted };
}

function withTimeout<Value>(work: Promise<Value>, ms: number): Promise<Value> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis within ${ms} ms`)), ms);
  });
  // A late rejection of the abandoned add must not become an unhandled rejection.
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
