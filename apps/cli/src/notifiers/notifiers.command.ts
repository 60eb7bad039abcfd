import type { AcceptedEventView, ListResponse, NotifierView } from '@herald/contracts';
import { positiveNumber } from '../args.js';
import { defineCommand } from '../command.js';
import { testMessageSent } from '../notifications/notification-outcome.js';
import { waitForNotification } from '../notifications/wait-for-notification.js';
import { renderDeliveries } from '../output/notification-table.js';
import { renderNotifiers } from '../output/notifier-table.js';
import { UsageError } from '../usage-error.js';

const DEFAULT_TIMEOUT_S = 30;

export const listNotifiersCommand = defineCommand({
  summary: 'every notifier: name, channel, default, fallback',
  usage: `usage: herald notifiers list`,
  options: {},
  positionals: { min: 0, max: 0 },
  async run(_input, { api, io, json }) {
    const page = await api().rest.get<ListResponse<NotifierView>>('/v1/notifiers');
    io.print(json ? JSON.stringify(page, null, 2) : renderNotifiers(page.items).join('\n'));
    return 0;
  },
});

export const testNotifierCommand = defineCommand({
  summary: 'send a test message through a notifier and wait for it; exit 1 if it was not sent',
  usage: `usage: herald notifiers test <name> [--no-wait] [--timeout <seconds>]

      --no-wait             print the test notification's id and return
      --timeout <seconds>   how long to wait for the outcome (default ${DEFAULT_TIMEOUT_S}); exit 1 when it runs out`,
  options: {
    'no-wait': { type: 'boolean', default: false },
    timeout: { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals }, { api, io, json }) {
    if (values.timeout !== undefined && values['no-wait'])
      throw new UsageError('--timeout and --no-wait do not go together');
    const timeoutS =
      values.timeout === undefined ? DEFAULT_TIMEOUT_S : positiveNumber(values.timeout, 'timeout');
    const name = positionals[0]!;
    const { herald, rest } = api();
    const accepted = await rest.request<AcceptedEventView>(
      'POST',
      `/v1/notifiers/${encodeURIComponent(name)}/test`,
    );
    if (values['no-wait']) {
      io.print(json ? JSON.stringify(accepted, null, 2) : accepted.id);
      return 0;
    }
    const { view, completed } = await waitForNotification(herald, accepted.id, timeoutS * 1000);
    if (json) io.print(JSON.stringify(view, null, 2));
    else {
      io.print(accepted.id);
      if (view.deliveries.length > 0) io.print(renderDeliveries(view.deliveries).join('\n'));
    }
    if (!completed) {
      io.error(`test of ${name} not completed within ${timeoutS} s (status ${view.status}; is it paused?)`);
      return 1;
    }
    if (!testMessageSent(view)) {
      io.error(`test of ${name} failed`);
      return 1;
    }
    if (!json) io.print(`test message sent through ${name}`);
    return 0;
  },
});
