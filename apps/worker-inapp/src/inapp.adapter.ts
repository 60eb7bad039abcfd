import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { ChannelName, type InAppConfigDto, inboxChannelName, type InboxPublication } from '@herald/contracts';
import type { InboxRepository } from '@herald/data';
import { createRedisConnection } from '@herald/queue';
import {
  type AdapterContext,
  type ChannelAdapter,
  channelConfigOf,
  DeliveryError,
  type OutboundDelivery,
  type OutboundNotifier,
  type SendResult,
} from '@herald/worker-kit';
import { buildInAppPayload } from './build-inapp-payload.js';
import { classifyInAppError } from './classify-inapp-error.js';

/**
 * Stores each delivery as an item of its user's inbox in Herald's database, then announces it on
 * the `<prefix>:inbox` Redis channel, from which the API pushes it to the user's open streams.
 */
export class InAppAdapter implements ChannelAdapter {
  readonly channel = ChannelName.InApp;
  private readonly logger = new Logger('InAppAdapter');
  private inbox?: InboxRepository;
  private publisher?: Redis;
  private channelName = '';

  async init({ data, env }: AdapterContext): Promise<void> {
    this.inbox = data.inbox;
    this.channelName = inboxChannelName(env.HERALD_QUEUE_PREFIX);
    // A producer connection: a publish while Redis is away fails at once instead of holding the send.
    this.publisher = createRedisConnection(env.REDIS_URL, 'producer', { lazyConnect: true });
    await this.publisher.connect().catch((error: Error) => {
      // It keeps reconnecting; until then items are stored without the live push.
      this.logger.warn(`Redis unreachable for inbox pushes: ${error.message}`);
    });
  }

  async send(
    delivery: OutboundDelivery,
    notifier: OutboundNotifier,
    signal: AbortSignal,
  ): Promise<SendResult> {
    if (!this.inbox || !this.publisher) throw new Error('InAppAdapter.send called before init');
    const config = channelConfigOf<InAppConfigDto>(ChannelName.InApp, notifier);
    const row = buildInAppPayload(delivery, config);
    if (signal.aborted) throw DeliveryError.retryable('dispatch timeout before the inbox insert');
    const { item } = await this.inbox.insert(row).catch((error: unknown) => {
      throw classifyInAppError(error);
    });
    // Published again when a re-run finds the item already stored: the first push may never
    // have happened, and streams carry the item id for clients to drop a repeat.
    await this.publish({ userId: row.userId, item });
    return { providerMessageId: item.id };
  }

  async close(): Promise<void> {
    await this.publisher?.quit().catch(() => this.publisher?.disconnect());
  }

  /** Best effort: the item is committed and listed in the inbox whether or not the push gets out. */
  private async publish(publication: InboxPublication): Promise<void> {
    try {
      await this.publisher!.publish(this.channelName, JSON.stringify(publication));
    } catch (error) {
      this.logger.warn(
        `inbox item ${publication.item.id} stored but not pushed live: ${(error as Error).message}`,
      );
    }
  }
}
