import { DeliveryStatus } from '@herald/contracts';
import { HttpCatcher, SmtpCatcher } from '@herald/testing';
import { HeraldStack } from './stack.js';

/**
 * A notifier may name a fallback: a delivery that fails for good through it is re-routed once to
 * the fallback, and the notification shows both outcomes.
 */
describe('failover to a fallback notifier', () => {
  const stack = new HeraldStack();
  const smtp = new SmtpCatcher();
  const receiver = new HttpCatcher((request) =>
    request.path === '/gone' ? { status: 410, body: 'this hook was deleted' } : { status: 200 },
  );

  beforeAll(async () => {
    await Promise.all([smtp.start(), receiver.start()]);
    await stack.start();
    const backup = await stack.request('POST', '/v1/notifiers', {
      name: 'backup_mail',
      type: 'email',
      config: {
        host: '127.0.0.1',
        port: smtp.port,
        security: 'none',
        from: 'herald@example.com',
        to: ['oncall@example.com'],
      },
    });
    expect(backup.status).toBe(201);
    const primary = await stack.request('POST', '/v1/notifiers', {
      name: 'primary_hook',
      type: 'webhook',
      fallback: 'backup_mail',
      config: { url: receiver.url('/gone') },
    });
    expect(primary.status).toBe(201);
    const attached = await stack.request('POST', '/v1/resources/service/db/notifiers', {
      notifier: 'primary_hook',
      triggers: ['any'],
    });
    expect(attached.status).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await stack.stop();
    await Promise.all([smtp.stop(), receiver.stop()]);
  });

  it('sends through the fallback once the primary fails for good, and records both', async () => {
    const accepted = await stack.request<{ id: string }>('POST', '/v1/events', {
      type: 'db.down',
      source: { kind: 'service', id: 'db' },
      trigger: 'error',
      data: { host: 'db-1' },
    });
    expect(accepted.status).toBe(202);

    const [notification] = await stack.completed([accepted.body.id]);
    const primary = notification!.deliveries.find((d) => d.notifier === 'primary_hook')!;
    const backup = notification!.deliveries.find((d) => d.notifier === 'backup_mail')!;
    expect(primary).toMatchObject({ channel: 'webhook', status: DeliveryStatus.Failed, fallbackOf: null });
    expect(primary.lastError).toContain('410');
    expect(backup).toMatchObject({
      channel: 'email',
      status: DeliveryStatus.Sent,
      address: 'oncall@example.com',
      fallbackOf: primary.id,
    });
    expect(notification!.deliveries).toHaveLength(2);
    expect(smtp.messages.map((m) => m.envelope.to)).toEqual([['oncall@example.com']]);
    expect(receiver.requests.filter((r) => r.path === '/gone')).toHaveLength(1);
  });
});
