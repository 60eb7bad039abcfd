import type { ListResponse } from '../notifications/notification.view.js';

/** One message in a user's in-app inbox, as the API lists it and the live stream pushes it. */
export interface InboxItemView {
  id: string;
  notificationId: string;
  /** The event type, e.g. `job.failed`. */
  type: string;
  /** Plain text: the rendered title with its inline Markdown removed. */
  title: string;
  markdown: string;
  text: string;
  actions: { label: string; url: string }[];
  data: Record<string, unknown>;
  createdAt: string;
  /** When the user marked it read; null while unread. */
  readAt: string | null;
  /** When it leaves the inbox (the notifier's `ttlDays`); null: never. */
  expiresAt: string | null;
}

/** `GET /v1/users/:id/inbox`: a page of items, newest first, and the user's unread count. */
export interface InboxPageView extends ListResponse<InboxItemView> {
  unreadCount: number;
}

/** `POST /v1/users/:id/inbox/read-all`: how many unread items it marked read. */
export interface InboxReadAllView {
  marked: number;
}

/**
 * What the in-app worker publishes on the inbox channel once an item is stored; the API forwards
 * `item` to that user's open streams.
 */
export interface InboxPublication {
  userId: string;
  item: InboxItemView;
}

/** The Redis pub/sub channel of live inbox items, under the deployment's queue prefix. */
export function inboxChannelName(queuePrefix: string): string {
  return `${queuePrefix}:inbox`;
}

/** The SSE `event:` name of a pushed inbox item. */
export const INBOX_STREAM_EVENT = 'inbox';
