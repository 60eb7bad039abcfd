import { ChannelName, SmtpSecurity, type EmailConfigDto } from '@herald/contracts';
import type { OutboundDelivery, OutboundNotifier } from '@herald/worker-kit';

export function outboundDelivery(overrides: Partial<OutboundDelivery> = {}): OutboundDelivery {
  return {
    id: '0b9f5a52-5d0e-4a57-9a43-1f2a7c3e8d10',
    channel: ChannelName.Email,
    address: 'ada@example.com',
    message: {
      title: 'Job deploy web failed',
      markdown: 'The job **deploy web** failed.',
      text: 'The job deploy web failed.',
      html: '<p>The job <strong>deploy web</strong> failed.</p>',
    },
    attemptNumber: 1,
    notification: {
      id: '6d1c2f0e-3b7a-4c55-8e0f-2a9b4c6d8e01',
      type: 'job.failed',
      data: { job: 'deploy web' },
      actions: [{ label: 'Open job', url: 'https://ci.example.com/jobs/42' }],
      source: { kind: 'job_template', id: '42' },
      trigger: 'error',
      createdAt: new Date('2026-01-02T03:04:05.000Z'),
    },
    user: { id: 'u-1', email: 'ada@example.com', name: 'Ada Lovelace', username: 'ada' },
    ...overrides,
  };
}

export function emailConfig(overrides: Partial<EmailConfigDto> = {}): EmailConfigDto {
  return {
    host: 'smtp.example.com',
    port: 587,
    security: SmtpSecurity.StartTls,
    from: 'Herald <herald@example.com>',
    ...overrides,
  };
}

export function emailNotifier(config: EmailConfigDto, id = 'ntf-email-1'): OutboundNotifier {
  return { id, name: 'email_ops', type: ChannelName.Email, config: { ...config } };
}
