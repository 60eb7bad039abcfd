import { type BeforeApplicationShutdown, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import type { Redis } from 'ioredis';
import {
  ErrorCode,
  inboxChannelName,
  type InboxItemView,
  type InboxPublication,
  INBOX_STREAM_EVENT,
} from '@herald/contracts';
import { createRedisConnection } from '@herald/queue';
import { ApiEnv } from '../config/api-env.js';
import { ApiError } from '../errors/api-error.js';
import { SseStream } from './sse-stream.js';

/** Proxies commonly drop a connection idle for 30-60 s; a comment every 15 s keeps it. */
export const INBOX_HEARTBEAT_MS = 15_000;
// How long a stream request waits for a subscriber that is (re)connecting before answering 503.
const READY_WAIT_MS = 2000;

/**
 * Live inbox updates: ONE Redis subscriber per API process on `<prefix>:inbox`, where the inapp
 * worker publishes every stored item, fanned out to the SSE streams open for the item's user.
 */
@Injectable()
export class InboxLiveService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('Inbox');
  private readonly streams = new Map<string, Set<SseStream>>();
  private subscriber?: Redis;

  constructor(private readonly env: ApiEnv) {}

  onModuleInit(): void {
    // The worker role waits out Redis restarts, and ioredis subscribes again on every reconnect.
    // Not awaited: the API starts, and serves everything else, while Redis is away.
    const subscriber = createRedisConnection(this.env.redisUrl, 'worker');
    subscriber.on('message', (_channel: string, message: string) => this.dispatch(message));
    // Items published while the subscriber was away never reach the streams. Ending them tells
    // clients to reconnect and list the inbox again rather than wait on a stream that missed some.
    subscriber.on('close', () => this.endAll());
    subscriber.subscribe(inboxChannelName(this.env.queuePrefix)).catch((error: Error) => {
      this.logger.warn(`cannot subscribe to live inbox updates: ${error.message}`);
    });
    this.subscriber = subscriber;
  }

  /** Streams the user's new items to `response` until the client leaves; 503 while Redis is away. */
  async stream(userId: string, response: ServerResponse): Promise<void> {
    await this.whenSubscribed();
    const streams = this.streams.get(userId) ?? new Set<SseStream>();
    this.streams.set(userId, streams);
    const stream = new SseStream(response, INBOX_HEARTBEAT_MS, () => {
      streams.delete(stream);
      if (streams.size === 0 && this.streams.get(userId) === streams) this.streams.delete(userId);
    });
    streams.add(stream);
  }

  /** Open streams would keep the HTTP server from closing. */
  async beforeApplicationShutdown(): Promise<void> {
    this.endAll();
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  private async whenSubscribed(): Promise<void> {
    const subscriber = this.subscriber;
    if (subscriber?.status === 'ready') return;
    const ready = await new Promise<boolean>((resolve) => {
      if (!subscriber) return resolve(false);
      const timer = setTimeout(() => done(false), READY_WAIT_MS);
      const onReady = () => done(true);
      const done = (value: boolean) => {
        clearTimeout(timer);
        subscriber.off('ready', onReady);
        resolve(value);
      };
      subscriber.on('ready', onReady);
    });
    if (!ready) {
      throw new ApiError(
        ErrorCode.ServiceUnavailable,
        'Redis is unavailable, so is the live inbox; retry later',
      );
    }
  }

  private dispatch(message: string): void {
    const publication = parsePublication(message);
    if (!publication) {
      this.logger.warn(`ignored a malformed inbox publication: ${message.slice(0, 200)}`);
      return;
    }
    const data = JSON.stringify(publication.item);
    for (const stream of this.streams.get(publication.userId) ?? []) {
      stream.send(INBOX_STREAM_EVENT, publication.item.id, data);
    }
  }

  private endAll(): void {
    for (const streams of [...this.streams.values()]) {
      for (const stream of [...streams]) stream.end();
    }
  }
}

function parsePublication(message: string): InboxPublication | null {
  try {
    const parsed = JSON.parse(message) as { userId?: unknown; item?: Partial<InboxItemView> | null };
    return typeof parsed.userId === 'string' && typeof parsed.item?.id === 'string'
      ? (parsed as InboxPublication)
      : null;
  } catch {
    return null;
  }
}
