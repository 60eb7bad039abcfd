import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { positiveNumber } from '../args.js';
import { type CommandContext, defineCommand } from '../command.js';
import { failedDeliveries } from '../notifications/notification-outcome.js';
import { waitForNotification } from '../notifications/wait-for-notification.js';
import { renderDeliveries } from '../output/notification-table.js';
import { UsageError } from '../usage-error.js';
import { eventFromArgs, type SendArgs } from './event-from-args.js';

const DEFAULT_TIMEOUT_S = 60;

export const sendCommand = defineCommand({
  summary: 'send an event; prints the notification id (--wait: its deliveries)',
  usage: `usage: herald send <type> [options]

  <type>                    the event type, e.g. job.failed
      --source <kind/id>    the resource it is about, e.g. project/web (routes to its notifiers)
      --trigger <trigger>   started, success, error, approval, ... (matched against attachments)
      --user <id>           a recipient user (repeatable)
      --email <address>     a recipient address (repeatable)
      --channel <channel>   only these channels (repeatable)
      --data <json>         the event's data, a JSON object
      --data-file <file>    the same, read from a file ("-": standard input)
      --idempotency-key <k> sending it again with the same key stores nothing new
      --wait                wait until every delivery is final, print them; exit 1 if one failed
      --timeout <seconds>   how long --wait waits (default ${DEFAULT_TIMEOUT_S}); exit 1 when it runs out`,
  options: {
    source: { type: 'string' },
    trigger: { type: 'string' },
    user: { type: 'string', multiple: true },
    email: { type: 'string', multiple: true },
    channel: { type: 'string', multiple: true },
    data: { type: 'string' },
    'data-file': { type: 'string' },
    'idempotency-key': { type: 'string' },
    wait: { type: 'boolean', default: false },
    timeout: { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals }, context) {
    if (values.data !== undefined && values['data-file'] !== undefined)
      throw new UsageError('give --data or --data-file, not both');
    if (values.timeout !== undefined && !values.wait) throw new UsageError('--timeout goes with --wait');
    const timeoutS =
      values.timeout === undefined ? DEFAULT_TIMEOUT_S : positiveNumber(values.timeout, 'timeout');
    const args: SendArgs = {
      source: values.source,
      trigger: values.trigger,
      user: values.user,
      email: values.email,
      channel: values.channel,
      idempotencyKey: values['idempotency-key'],
      data: await dataOf(values.data, values['data-file']),
    };
    const event = eventFromArgs(positionals[0]!, args);

    const { herald } = context.api();
    const accepted = await herald.trigger(event);
    if (!values.wait) {
      context.io.print(context.json ? JSON.stringify(accepted, null, 2) : accepted.id);
      return 0;
    }
    return report(
      accepted.id,
      await waitForNotification(herald, accepted.id, timeoutS * 1000),
      timeoutS,
      context,
    );
  },
});

function report(
  id: string,
  { view, completed }: Awaited<ReturnType<typeof waitForNotification>>,
  timeoutS: number,
  { io, json }: CommandContext,
): number {
  if (json) io.print(JSON.stringify(view, null, 2));
  else io.print(id);
  if (!json && view.deliveries.length > 0) io.print(renderDeliveries(view.deliveries).join('\n'));
  if (!completed) {
    io.error(`notification ${id} not completed within ${timeoutS} s (status ${view.status})`);
    return 1;
  }
  const failed = failedDeliveries(view);
  if (failed > 0) {
    io.error(`${failed} of ${view.deliveries.length} deliveries failed`);
    return 1;
  }
  return 0;
}

async function dataOf(inline?: string, file?: string): Promise<SendArgs['data']> {
  if (inline !== undefined) return { text: inline, from: '--data' };
  if (file === undefined) return undefined;
  try {
    const data = file === '-' ? await text(process.stdin) : await readFile(file, 'utf8');
    return { text: data, from: `--data-file ${file}` };
  } catch (error) {
    throw new UsageError(`--data-file ${file}: ${(error as Error).message}`);
  }
}
