import { createHmac } from 'node:crypto';
import type { NotificationView } from '@herald/contracts';
import { eventually, HttpCatcher, SmtpCatcher } from '@herald/testing';
import { HeraldStack } from './stack.js';

/**
 * One event travels the whole way: HTTP → API → Postgres + route queue → router → deliver queues →
 * email and webhook workers → a real SMTP server and a real HTTP server.
 */
describe('an event, end to end, through the real apps', () => {
  const stack = new HeraldStack();
  const smtp = new SmtpCatcher();
  const receiver = new HttpCatcher((request, count) => {
    if (request.path === '/flaky') return count <= 2 ? { status: 500, body: 'boom' } : { status: 200 };
    if (request.path === '/rejects') return { status: 400, body: '{"error":"unknown field colour"}' };
    return { status: 200, body: 'ok' };
  });

  beforeAll(async () => {
    await Promise.all([smtp.start(), receiver.start()]);
    await stack.start();

    const created = await Promise.all([
      stack.request('POST', '/v1/notifiers', {
        name: 'mail',
        type: 'email',
        default: true,
        config: { host: '127.0.0.1', port: smtp.port, security: 'none', from: 'Herald <herald@example.com>' },
      }),
      stack.request('POST', '/v1/notifiers', {
        name: 'ops_hook',
        type: 'webhook',
        config: { url: receiver.url('/hooks/ops'), secret: 's3cret', headers: { 'X-Team': 'ops' } },
      }),
      stack.request('POST', '/v1/notifiers', {
        name: 'flaky_hook',
        type: 'webhook',
        config: { url: receiver.url('/flaky') },
      }),
      stack.request('POST', '/v1/notifiers', {
        name: 'strict_hook',
        type: 'webhook',
        config: { url: receiver.url('/rejects'), method: 'PUT' },
      }),
    ]);
    for (const response of created) expect(response.status).toBe(201);

    expect((await stack.request('PUT', '/v1/resources/project/web', { name: 'Web' })).status).toBe(200);
    const attachments = await Promise.all([
      stack.request('POST', '/v1/resources/project/web/notifiers', {
        notifier: 'ops_hook',
        triggers: ['error'],
      }),
      stack.request('POST', '/v1/resources/project/flaky/notifiers', {
        notifier: 'flaky_hook',
        triggers: ['any'],
      }),
      stack.request('POST', '/v1/resources/project/strict/notifiers', {
        notifier: 'strict_hook',
        triggers: ['any'],
      }),
    ]);
    for (const response of attachments) expect(response.status).toBe(201);
    expect(
      (
        await stack.request('PUT', '/v1/users/u-1', {
          email: 'alice@example.com',
          name: 'Alice',
          username: 'alice',
        })
      ).status,
    ).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await stack.stop();
    await Promise.all([smtp.stop(), receiver.stop()]);
  });

  async function settledNotification(id: string): Promise<NotificationView> {
    return eventually(
      async () => {
        const { body } = await stack.request<NotificationView>('GET', `/v1/notifications/${id}`);
        return body.status === 'completed' ? body : undefined;
      },
      20_000,
      `notification ${id} to complete`,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${stack.logs()}`);
    });
  }

  it('delivers one event by email and by signed webhook, each sent with one attempt', async () => {
    const accepted = await stack.request<{ id: string; status: string }>('POST', '/v1/events', {
      type: 'job.failed',
      source: { kind: 'project', id: 'web' },
      trigger: 'error',
      recipients: [{ userId: 'u-1' }],
      data: {
        title: 'Deploy of web failed',
        message: 'Step **migrate** exited with code 2.',
        job: 'deploy web',
      },
      actions: [{ label: 'Open job', url: 'https://ci.example.com/jobs/42' }],
    });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({ id: expect.any(String), status: 'accepted' });

    const mail = await eventually(() =>
      smtp.messages.find((m) => m.envelope.to.includes('alice@example.com')),
    );
    expect(mail.parsed.subject).toBe('Deploy of web failed');
    expect(mail.parsed.from?.text).toContain('herald@example.com');
    expect(mail.parsed.text).toContain('Step migrate exited with code 2.');
    expect(mail.parsed.html).toContain('<strong>migrate</strong>');
    expect(mail.parsed.html).toContain('href="https://ci.example.com/jobs/42"');

    const hook = await eventually(() => receiver.requests.find((r) => r.path === '/hooks/ops'));
    expect(hook.method).toBe('POST');
    expect(hook.headers['content-type']).toContain('application/json');
    expect(hook.headers['x-team']).toBe('ops');
    const expected = createHmac('sha256', 's3cret').update(hook.body).digest('hex');
    expect(hook.headers['x-herald-signature']).toBe(`sha256=${expected}`);
    const body = JSON.parse(hook.body);
    expect(hook.headers['x-message-id']).toBe(body.msg_id);
    expect(body).toMatchObject({
      _version: '1.1',
      title_markdown: 'Deploy of web failed',
      payload: {
        _version: '1.1',
        notification_name: 'job.failed',
        data: { job: 'deploy web' },
        actions: [{ label: 'Open job', url: 'https://ci.example.com/jobs/42' }],
      },
    });
    expect(body.body).toContain('Step migrate exited with code 2.');
    expect(body.body_markdown).toContain('**migrate**');

    const notification = await settledNotification(accepted.body.id);
    expect(notification.deliveries).toHaveLength(2);
    for (const delivery of notification.deliveries) {
      expect(delivery).toMatchObject({
        status: 'sent',
        attemptCount: 1,
        reason: null,
        sentAt: expect.any(String),
      });
      expect(delivery.attempts).toEqual([expect.objectContaining({ number: 1, outcome: 'sent' })]);
    }
    expect(notification.deliveries.map((d) => d.channel).sort()).toEqual(['email', 'webhook']);
  });

  it('retries a receiver that answers 500 twice, then records it sent after 3 attempts', async () => {
    const accepted = await stack.request<{ id: string }>('POST', '/v1/events', {
      type: 'build.finished',
      source: { kind: 'project', id: 'flaky' },
      data: { build: 7 },
    });
    expect(accepted.status).toBe(202);
    const notification = await settledNotification(accepted.body.id);
    const [delivery] = notification.deliveries;
    expect(delivery).toMatchObject({ notifier: 'flaky_hook', status: 'sent', attemptCount: 3 });
    expect(delivery!.attempts.map((a) => [a.outcome, a.providerCode])).toEqual([
      ['retryable', '500'],
      ['retryable', '500'],
      ['sent', '200'],
    ]);
    expect(receiver.requests.filter((r) => r.path === '/flaky')).toHaveLength(3);
  });

  it('fails a delivery the receiver rejects with 400 after one attempt, with the reason', async () => {
    const accepted = await stack.request<{ id: string }>('POST', '/v1/events', {
      type: 'build.finished',
      source: { kind: 'project', id: 'strict' },
      data: { build: 8 },
    });
    const notification = await settledNotification(accepted.body.id);
    const [delivery] = notification.deliveries;
    expect(delivery).toMatchObject({ notifier: 'strict_hook', status: 'failed', attemptCount: 1 });
    expect(delivery!.lastError).toContain('400');
    expect(delivery!.attempts).toEqual([
      expect.objectContaining({ outcome: 'permanent', providerCode: '400' }),
    ]);
    expect(receiver.requests.filter((r) => r.path === '/rejects').map((r) => r.method)).toEqual(['PUT']);
  });
});
