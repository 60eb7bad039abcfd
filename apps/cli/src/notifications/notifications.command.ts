import type {
  ListResponse,
  NotificationSummaryView,
  NotificationView,
  RetriedNotificationView,
} from '@herald/contracts';
import { NotificationStatus } from '@herald/contracts';
import { integerIn } from '../args.js';
import { defineCommand } from '../command.js';
import { renderNotification, renderNotificationList } from '../output/notification-table.js';
import { UsageError } from '../usage-error.js';

const path = (id: string) => `/v1/notifications/${encodeURIComponent(id)}`;
const STATUSES: string[] = Object.values(NotificationStatus);

export const getNotificationCommand = defineCommand({
  summary: 'a notification with its deliveries and attempts',
  usage: `usage: herald notifications get <id>`,
  options: {},
  positionals: { min: 1, max: 1 },
  async run({ positionals }, { api, io, json }) {
    const view = await api().herald.getNotification(positionals[0]!);
    io.print(json ? JSON.stringify(view, null, 2) : renderNotification(view).join('\n'));
    return 0;
  },
});

export const listNotificationsCommand = defineCommand({
  summary: 'notifications, newest first, one page at a time',
  usage: `usage: herald notifications list [options]

      --status <status>     ${STATUSES.join(', ')}
      --type <type>         only this event type
      --since <date>        created at or after this ISO 8601 date
      --limit <n>           page size, 1-100 (default 50)
      --cursor <cursor>     the next page, as the previous one printed it`,
  options: {
    status: { type: 'string' },
    type: { type: 'string' },
    since: { type: 'string' },
    limit: { type: 'string' },
    cursor: { type: 'string' },
  },
  positionals: { min: 0, max: 0 },
  async run({ values }, { api, io, json }) {
    if (values.status !== undefined && !STATUSES.includes(values.status))
      throw new UsageError(`--status must be one of ${STATUSES.join(', ')}, got "${values.status}"`);
    const query = new URLSearchParams();
    for (const name of ['status', 'type', 'since', 'cursor'] as const) {
      const value = values[name];
      if (value !== undefined) query.set(name, value);
    }
    if (values.limit !== undefined) query.set('limit', String(integerIn(values.limit, 'limit', 1, 100)));
    const page = await api().rest.get<ListResponse<NotificationSummaryView>>(
      `/v1/notifications${query.size > 0 ? `?${query}` : ''}`,
    );
    if (json) {
      io.print(JSON.stringify(page, null, 2));
      return 0;
    }
    io.print(renderNotificationList(page).join('\n'));
    // On stderr, so that the table alone goes down a pipe.
    if (page.nextCursor) io.error(`more: herald notifications list --cursor ${page.nextCursor}`);
    return 0;
  },
});

export const retryNotificationCommand = defineCommand({
  summary: 'send its failed deliveries again, with a fresh budget of tries',
  usage: `usage: herald notifications retry <id>`,
  options: {},
  positionals: { min: 1, max: 1 },
  async run({ positionals }, { api, io, json }) {
    const id = positionals[0]!;
    const retried = await api().rest.request<RetriedNotificationView>('POST', `${path(id)}/retry`);
    io.print(
      json
        ? JSON.stringify(retried, null, 2)
        : `${retried.retried} failed ${retried.retried === 1 ? 'delivery' : 'deliveries'} of ${id} sent again`,
    );
    return 0;
  },
});

export const cancelNotificationCommand = defineCommand({
  summary: 'cancel its deliveries not sent yet',
  usage: `usage: herald notifications cancel <id>`,
  options: {},
  positionals: { min: 1, max: 1 },
  async run({ positionals }, { api, io, json }) {
    const view = await api().rest.request<NotificationView>('POST', `${path(positionals[0]!)}/cancel`);
    io.print(json ? JSON.stringify(view, null, 2) : renderNotification(view).join('\n'));
    return 0;
  },
});
