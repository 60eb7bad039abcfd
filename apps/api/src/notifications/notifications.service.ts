import { Injectable } from '@nestjs/common';
import type { ListResponse, NotificationSummaryView, NotificationView } from '@herald/contracts';
import { HeraldData } from '@herald/data';
import { isUUID } from 'class-validator';
import { ApiError } from '../errors/api-error.js';
import { DEFAULT_PAGE_SIZE, type ListNotificationsQuery } from './list-notifications.query.js';

@Injectable()
export class NotificationsService {
  constructor(private readonly data: HeraldData) {}

  async get(id: string): Promise<NotificationView> {
    // Ids are UUIDs; anything else cannot exist, and Postgres would reject it as a uuid anyway.
    const view = isUUID(id) ? await this.data.notifications.findView(id) : null;
    if (!view) throw ApiError.notFound(`No notification with id "${id}"`);
    return view;
  }

  list(query: ListNotificationsQuery): Promise<ListResponse<NotificationSummaryView>> {
    return this.data.notifications.list({
      type: query.type,
      status: query.status,
      since: query.since ? new Date(query.since) : undefined,
      cursor: query.cursor,
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
    });
  }
}
