import type { AdminStatusView, ChannelStatusView } from '@herald/contracts';
import { describeSwitch, pausedBy, renderStatus } from './status-table.js';

const queue = (fields: Partial<ChannelStatusView> = {}): ChannelStatusView => ({
  paused: false,
  channelPaused: false,
  waiting: 0,
  active: 0,
  delayed: 0,
  failed: 0,
  completed: 0,
  ...fields,
});

const status: AdminStatusView = {
  paused: true,
  channels: {
    webhook: queue({ paused: true, waiting: 3, delayed: 1 }),
    email: queue({ paused: true, channelPaused: true, failed: 2 }),
  },
  route: { waiting: 0, active: 1, delayed: 0, failed: 0, completed: 55 },
};

describe('renderStatus', () => {
  it('shows the global switch, then every queue sorted by name with what holds it', () => {
    expect(renderStatus(status)).toEqual([
      'global pause: on (every deliver.* queue is held)',
      '',
      'QUEUE            PAUSED           WAITING  ACTIVE  DELAYED  FAILED',
      'route            -                      0       1        0       0',
      'deliver.email    global, channel        0       0        0       2',
      'deliver.webhook  global                 3       0        1       0',
    ]);
  });

  it('says off when nothing is held', () => {
    const running = { ...status, paused: false, channels: { webhook: queue() } };
    expect(renderStatus(running)[0]).toBe('global pause: off');
    expect(renderStatus(running)[4]).toMatch(/^deliver\.webhook {2}no /);
  });
});

describe('pausedBy', () => {
  it('names the switches that hold a channel', () => {
    expect(pausedBy(queue(), false)).toBe('no');
    expect(pausedBy(queue({ paused: true }), true)).toBe('global');
    expect(pausedBy(queue({ paused: true, channelPaused: true }), false)).toBe('channel');
  });
});

describe('describeSwitch', () => {
  it('says what still holds deliveries after a resume', () => {
    expect(describeSwitch('paused', undefined, status)).toMatch(/^paused every channel/);
    expect(describeSwitch('resumed', undefined, { ...status, paused: false })).toBe(
      'resumed every channel (still paused on their own: email)',
    );
    expect(describeSwitch('resumed', 'webhook', status)).toBe(
      'resumed channel webhook (still held by the global pause)',
    );
    expect(describeSwitch('paused', 'email', status)).toBe('paused channel email');
    expect(describeSwitch('resumed', 'webhook', { ...status, channels: { webhook: queue() } })).toBe(
      'resumed channel webhook',
    );
  });
});
