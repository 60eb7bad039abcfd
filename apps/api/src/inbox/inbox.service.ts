import { Injectable } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import type { InboxPageView, InboxReadAllView } from '@herald/contracts';
import { HeraldData } from '@herald/data';
import { isUUID } from 'class-validator';
import { ApiError } from '../errors/api-error.js';
import { InboxLiveService } from './inbox-live.service.js';
import type { ListInboxQuery } from './list-inbox.query.js';

const DEFAULT_PAGE_SIZE = 50;

@Injectable()
export class InboxService {
  constructor(
    private readonly data: HeraldData,
    private readonly live: InboxLiveService,
  ) {}

  async list(userId: string, query: ListInboxQuery): Promise<InboxPageView> {
    await this.requireUser(userId);
    const [page, unreadCount] = await Promise.all([
      this.data.inbox.list(userId, {
        cursor: query.cursor,
        limit: query.limit ?? DEFAULT_PAGE_SIZE,
        unreadOnly: query.unread === 'true',
      }),
      this.data.inbox.unreadCount(userId),
    ]);
    return { ...page, unreadCount };
  }

  async markRead(userId: string, itemId: string): Promise<void> {
    // Ids are UUIDs; anything else cannot exist, and Postgres would reject it as a uuid anyway.
    if (!isUUID(itemId) || !(await this.data.inbox.markRead(userId, itemId))) {
      throw ApiError.notFound(`User "${userId}" has no inbox item "${itemId}"`);
    }
  }

  async markAllRead(userId: string): Promise<InboxReadAllView> {
    await this.requireUser(userId);
    return { marked: await this.data.inbox.markAllRead(userId) };
  }

  async stream(userId: string, response: ServerResponse): Promise<void> {
    await this.requireUser(userId);
    await this.live.stream(userId, response);
  }

  private async requireUser(userId: string): Promise<void> {
    if (!(await this.data.users.find(userId))) throw ApiError.notFound(`No user with id "${userId}"`);
  }
}
