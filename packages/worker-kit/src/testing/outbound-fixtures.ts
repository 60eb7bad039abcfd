import type { ChannelName } from '@herald/contracts';
import type { OutboundDelivery, OutboundNotifier } from '../channel-adapter.js';

/**
 * What an adapter is handed, for adapter specs (`@herald/worker-kit/testing`): a failed deploy job
 * with an action, aimed at a user, with only what a test cares about given.
 */
export function outboundDelivery(overrides: Partial<OutboundDelivery> = {}): OutboundDelivery {
  return {
    id: '0b9f5a52-5d0e-4a57-9a43-1f2a7c3e8d10',
    channel: 'webhook' as ChannelName,
    address: null,
    message: {
      title: 'Job **deploy web** failed',
      markdown: 'The job **deploy web** failed. [Open job](https://ci.example.com/jobs/42)',
      text: 'The job deploy web failed. Open job: https://ci.example.com/jobs/42',
    },
    attemptNumber: 1,
    notification: {
      id: '6d1c2f0e-3b7a-4c55-8e0f-2a9b4c6d8e01',
      type: 'job.failed',
      data: { job: 'deploy web', run: 7, tags: ['prod'], author: { login: 'ada' } },
      actions: [{ label: 'Open job', url: 'https://ci.example.com/jobs/42' }],
      source: { kind: 'job_template', id: '42' },
      trigger: 'error',
      createdAt: new Date('2026-01-02T03:04:05.000Z'),
    },
    user: { id: 'u-1', email: 'ada@example.com', name: 'Ada Lovelace', username: 'ada' },
    ...overrides,
  };
}

export function outboundNotifier<Config extends object>(
  type: ChannelName,
  config: Config,
  name = `${type}_ops`,
): OutboundNotifier {
  return { id: `ntf-${type}-1`, name, type, config: { ...config } as Record<string, unknown> };
}
