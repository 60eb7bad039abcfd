import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreateEventDto } from './create-event.dto.js';

function problems(body: object): string[] {
  const errors = validateSync(plainToInstance(CreateEventDto, body), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  return errors.map((e) => e.property).sort();
}

describe('CreateEventDto', () => {
  it('accepts the contract example', () => {
    expect(
      problems({
        type: 'job.failed',
        idempotencyKey: 'job-42-run-7',
        source: { kind: 'job_template', id: '42' },
        trigger: 'error',
        recipients: [{ userId: 'u-1' }, { email: 'ops@example.com' }],
        data: { job: 'deploy web', url: 'https://ci.example.com/jobs/42' },
        actions: [{ label: 'Open job', url: 'https://ci.example.com/jobs/42' }],
        channels: ['email', 'webhook'],
      }),
    ).toEqual([]);
  });

  it('requires a type and refuses unknown fields', () => {
    expect(problems({ colour: 'red' })).toEqual(['colour', 'type']);
  });

  it('requires each recipient to name a user or an email', () => {
    expect(problems({ type: 'x', recipients: [{}] })).toEqual(['recipients']);
  });

  it('refuses unknown channels and non-object data', () => {
    expect(problems({ type: 'x', channels: ['fax'], data: 'text' })).toEqual(['channels', 'data']);
  });
});
