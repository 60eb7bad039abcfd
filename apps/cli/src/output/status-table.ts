import {
  type AdminStatusView,
  type ChannelStatusView,
  deliverQueueName,
  type ChannelName,
} from '@herald/contracts';
import { renderTable } from './table.js';

/** `herald status`: the global switch, then every queue with its counts and why it is held. */
export function renderStatus(status: AdminStatusView): string[] {
  const channels = Object.entries(status.channels).sort(([a], [b]) => a.localeCompare(b));
  const table = renderTable(
    [
      { header: 'QUEUE' },
      { header: 'PAUSED' },
      { header: 'WAITING', align: 'right' },
      { header: 'ACTIVE', align: 'right' },
      { header: 'DELAYED', align: 'right' },
      { header: 'FAILED', align: 'right' },
    ],
    [
      // The route queue is never paused: events are routed while deliveries wait.
      ['route', '-', ...counts(status.route)],
      ...channels.map(([channel, queue]) => [
        deliverQueueName(channel as ChannelName),
        pausedBy(queue, status.paused),
        ...counts(queue),
      ]),
    ],
  );
  return [`global pause: ${status.paused ? 'on (every deliver.* queue is held)' : 'off'}`, '', ...table];
}

/** Which switch holds a channel: both may, and resuming one leaves the other in force. */
export function pausedBy(queue: ChannelStatusView, globalPaused: boolean): string {
  if (!queue.paused) return 'no';
  const switches = [globalPaused ? 'global' : null, queue.channelPaused ? 'channel' : null].filter(Boolean);
  return switches.join(', ') || 'yes';
}

/** One line after `herald pause` / `resume`, saying what still holds deliveries if anything does. */
export function describeSwitch(
  action: 'paused' | 'resumed',
  channel: string | undefined,
  status: AdminStatusView,
): string {
  if (channel) {
    const held = status.channels[channel];
    const still = action === 'resumed' && held?.paused ? ' (still held by the global pause)' : '';
    return `${action} channel ${channel}${still}`;
  }
  if (action === 'paused') return 'paused every channel: deliveries wait until "herald resume"';
  const own = Object.entries(status.channels)
    .filter(([, queue]) => queue.channelPaused)
    .map(([name]) => name)
    .sort();
  return `resumed every channel${own.length ? ` (still paused on their own: ${own.join(', ')})` : ''}`;
}

function counts(queue: { waiting: number; active: number; delayed: number; failed: number }): string[] {
  return [queue.waiting, queue.active, queue.delayed, queue.failed].map(String);
}
