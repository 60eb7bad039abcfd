import { UsageError } from '../usage-error.js';
import { eventFromArgs, parseSource } from './event-from-args.js';

describe('eventFromArgs', () => {
  it('builds the event POST /v1/events takes, recipients in order: users then addresses', () => {
    expect(
      eventFromArgs('job.failed', {
        source: 'project/web',
        trigger: 'error',
        user: ['u-1', 'u-2'],
        email: ['ops@example.com'],
        channel: ['email'],
        idempotencyKey: 'job-42-run-7',
        data: { text: '{"job": "deploy web", "exitCode": 2}', from: '--data' },
      }),
    ).toEqual({
      type: 'job.failed',
      source: { kind: 'project', id: 'web' },
      trigger: 'error',
      recipients: [{ userId: 'u-1' }, { userId: 'u-2' }, { email: 'ops@example.com' }],
      data: { job: 'deploy web', exitCode: 2 },
      channels: ['email'],
      idempotencyKey: 'job-42-run-7',
    });
  });

  it('leaves out what was not given', () => {
    expect(eventFromArgs('demo.hello', { user: [], email: undefined })).toEqual({ type: 'demo.hello' });
  });

  it('refuses data that is not a JSON object, naming where it came from', () => {
    expect(() => eventFromArgs('x', { data: { text: '{bad', from: '--data' } })).toThrow(
      /^--data is not valid JSON: /,
    );
    for (const text of ['[1]', '"text"', '3', 'null']) {
      expect(() => eventFromArgs('x', { data: { text, from: '--data-file d.json' } })).toThrow(
        new UsageError(`--data-file d.json must be a JSON object, e.g. '{"job": "deploy web"}'`),
      );
    }
  });
});

describe('parseSource', () => {
  it('splits at the first slash, so an id may hold slashes', () => {
    expect(parseSource('job_template/42')).toEqual({ kind: 'job_template', id: '42' });
    expect(parseSource('repo/acme/web')).toEqual({ kind: 'repo', id: 'acme/web' });
  });

  it('refuses a source without both parts', () => {
    for (const text of ['web', '/web', 'project/', ''])
      expect(() => parseSource(text)).toThrow(/--source must be kind\/id/);
  });
});
