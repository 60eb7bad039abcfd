import { CreateEventDto } from '@herald/contracts';
import { plainToInstance } from 'class-transformer';
import { toNewNotification } from './new-notification.mapper.js';

const ids = { id: '0b6f9a8e-3c9d-4f7e-9a55-0f2b1d2c3e4f', idempotencyKey: 'run-7', apiKeyId: 'key-1' };

describe('toNewNotification', () => {
  it('copies a full event into plain objects', () => {
    const event = plainToInstance(CreateEventDto, {
      type: 'job.failed',
      source: { kind: 'job_template', id: '42', ancestors: [{ kind: 'project', id: 'web' }] },
      trigger: 'error',
      recipients: [{ userId: 'u-1' }, { email: 'ops@example.com' }],
      data: { job: 'deploy web' },
      actions: [{ label: 'Open job', url: 'https://ci.example.com/jobs/42' }],
      channels: ['email'],
    });
    const row = toNewNotification(event, ids);
    expect(row).toEqual({
      ...ids,
      type: 'job.failed',
      source: { kind: 'job_template', id: '42', ancestors: [{ kind: 'project', id: 'web' }] },
      trigger: 'error',
      recipients: [{ userId: 'u-1' }, { email: 'ops@example.com' }],
      data: { job: 'deploy web' },
      actions: [{ label: 'Open job', url: 'https://ci.example.com/jobs/42' }],
      channels: ['email'],
    });
    expect(Object.getPrototypeOf(row.recipients[0])).toBe(Object.prototype);
  });

  it('fills the defaults of a bare event', () => {
    expect(toNewNotification(plainToInstance(CreateEventDto, { type: 'ping' }), ids)).toEqual({
      ...ids,
      type: 'ping',
      source: null,
      trigger: null,
      data: {},
      actions: [],
      recipients: [],
      channels: null,
    });
  });
});
