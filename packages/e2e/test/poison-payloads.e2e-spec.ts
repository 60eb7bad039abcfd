import { AttemptOutcome, DeliveryStatus, type NotificationView } from '@herald/contracts';
import { HttpCatcher, SmtpCatcher } from '@herald/testing';
import { type EventBody, HeraldStack } from './stack.js';

const EACH_POISON = 3;
const BOUNCING = 'bounce@example.com';

type Kind = 'good' | 'unrenderable' | 'bouncing' | 'rejected';
const POISONS: Kind[] = ['unrenderable', 'bouncing', 'rejected'];

/**
 * Messages that can never go out — a template that does not render for this event, an address the
 * mail server refuses (550), a webhook that refuses the body (400) — fail once, with the reason,
 * and the good events posted around them are all delivered.
 */
describe('poison payloads among good events', () => {
  const stack = new HeraldStack();
  const receiver = new HttpCatcher((request) =>
    request.path === '/strict'
      ? { status: 400, body: '{"error":"field total is required"}' }
      : { status: 200, body: 'ok' },
  );
  const smtp = new SmtpCatcher();
  const refusedRecipients: string[] = [];
  let good: { kind: string; id: string };
  let strict: { kind: string; id: string };

  beforeAll(async () => {
    await receiver.start();
    await smtp.start({
      onRcptTo: (address, _session, callback) => {
        if (address.address !== BOUNCING) return callback();
        refusedRecipients.push(address.address);
        callback(
          Object.assign(new Error('5.1.1 <bounce@example.com>: mailbox unavailable'), { responseCode: 550 }),
        );
      },
    });
    await stack.start();
    good = await stack.addWebhook('reports', receiver.url('/reports'));
    strict = await stack.addWebhook('strict', receiver.url('/strict'));
    const setup = await Promise.all([
      stack.request('POST', '/v1/notifiers', {
        name: 'mail',
        type: 'email',
        default: true,
        config: { host: '127.0.0.1', port: smtp.port, security: 'none', from: 'herald@example.com' },
      }),
      stack.request('PUT', '/v1/users/alice', { email: 'alice@example.com', name: 'Alice' }),
      stack.request('PUT', '/v1/users/gone', { email: BOUNCING, name: 'Former employee' }),
      // Parses (PUT accepts it), but no event of this type carries data.missing: every render fails.
      stack.request('PUT', '/v1/event-types/report.broken', {
        templates: { webhook: { title: 'Report', body: 'Total: {{ data.missing.deep }}' } },
      }),
    ]);
    expect(setup.map((response) => response.status)).toEqual([201, 200, 200, 200]);
  }, 60_000);

  afterAll(async () => {
    await stack.stop();
    await Promise.all([receiver.stop(), smtp.stop()]);
  });

  function event(kind: Kind, index: number): EventBody {
    switch (kind) {
      case 'good':
        return { type: 'report.ready', source: good, recipients: [{ userId: 'alice' }], data: { index } };
      case 'unrenderable':
        return { type: 'report.broken', source: good, data: { index } };
      case 'bouncing':
        return { type: 'report.ready', recipients: [{ userId: 'gone' }], data: { index } };
      case 'rejected':
        return { type: 'report.ready', source: strict, data: { index } };
    }
  }

  it('fails each poison message once with its reason and delivers every good event around them', async () => {
    // good, good, poison, good, good, poison, ..., good, good: each poison sits among good events.
    const kinds: Kind[] = [];
    for (let round = 0; round < EACH_POISON; round += 1)
      for (const poison of POISONS) kinds.push('good', 'good', poison);
    kinds.push('good', 'good');
    const goodCount = kinds.filter((kind) => kind === 'good').length;

    const posted = await stack.postEvents(kinds.length, (index) => event(kinds[index]!, index), 5);
    expect(posted.map((response) => response.status)).toEqual(new Array(kinds.length).fill(202));
    const notifications = await stack.completed(
      posted.map((response) => response.body.id),
      30_000,
    );
    const byKind = (kind: Kind): NotificationView[] =>
      notifications.filter((_, index) => kinds[index] === kind);

    for (const notification of byKind('good')) {
      expect(notification.deliveries.map((d) => [d.channel, d.status, d.attemptCount]).sort()).toEqual([
        ['email', DeliveryStatus.Sent, 1],
        ['webhook', DeliveryStatus.Sent, 1],
      ]);
    }

    for (const notification of byKind('unrenderable')) {
      expect(notification.deliveries).toHaveLength(1);
      const [delivery] = notification.deliveries;
      expect(delivery).toMatchObject({ notifier: 'reports', status: DeliveryStatus.Failed, sentAt: null });
      expect(delivery!.lastError).toMatch(/render error.*missing/);
      // Nothing to send: failed at routing, at most one (permanent) attempt on record, never retried.
      expect(delivery!.attempts.length).toBeLessThanOrEqual(1);
      for (const attempt of delivery!.attempts) expect(attempt.outcome).toBe(AttemptOutcome.Permanent);
    }

    for (const notification of byKind('bouncing')) {
      expect(notification.deliveries).toHaveLength(1);
      const [delivery] = notification.deliveries;
      expect(delivery).toMatchObject({
        channel: 'email',
        address: BOUNCING,
        status: DeliveryStatus.Failed,
        attemptCount: 1,
        attempts: [expect.objectContaining({ outcome: AttemptOutcome.Permanent, providerCode: '550' })],
      });
      expect(delivery!.lastError).toContain('550');
    }

    for (const notification of byKind('rejected')) {
      expect(notification.deliveries).toHaveLength(1);
      expect(notification.deliveries[0]).toMatchObject({
        notifier: 'strict',
        status: DeliveryStatus.Failed,
        attemptCount: 1,
        attempts: [expect.objectContaining({ outcome: AttemptOutcome.Permanent, providerCode: '400' })],
      });
      expect(notification.deliveries[0]!.lastError).toContain('field total is required');
    }

    // At the receivers: each good message once, each refused one tried exactly once, nothing unrendered.
    expect(receiver.requests.filter((r) => r.path === '/reports')).toHaveLength(goodCount);
    expect(receiver.countByHeader('x-message-id', '/reports').size).toBe(goodCount);
    expect(receiver.requests.filter((r) => r.path === '/strict')).toHaveLength(EACH_POISON);
    expect(smtp.messages.map((m) => m.envelope.to)).toEqual(new Array(goodCount).fill(['alice@example.com']));
    expect(refusedRecipients).toHaveLength(EACH_POISON);
  }, 60_000);
});
